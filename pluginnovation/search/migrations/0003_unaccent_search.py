"""Search that ignores diacritics on PostgreSQL: the `swedish_unaccent` text search config.

It is PostgreSQL's `swedish` configuration with the `unaccent` dictionary before the Swedish
stemmer, so "franvaro" and "frånvaro" become the same lexeme, in the index and in queries
(settings: WAGTAILSEARCH_BACKENDS SEARCH_CONFIG). An index built before this migration must be
rebuilt with `manage.py update_index`. unaccent is a trusted extension (PostgreSQL 13+).
Other databases are left alone (SQLite: see pluginnovation/discovery/fulltext.py).
"""

from django.db import migrations

CONFIG = "swedish_unaccent"


def create_config(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [CONFIG])
        if cursor.fetchone():
            return
    schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = swedish)")
    schema_editor.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
        "ALTER MAPPING FOR word, hword, hword_part, asciiword, asciihword, hword_asciipart "
        "WITH unaccent, swedish_stem"
    )


def drop_config(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0002_listing_indexes")]

    operations = [migrations.RunPython(create_config, drop_config)]
