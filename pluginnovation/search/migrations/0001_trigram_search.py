"""Typo-tolerant search on PostgreSQL: the pg_trgm extension and trigram indexes.

Wagtail's search backend runs Fuzzy() queries with trigram similarity on the index's plain-text
columns, which exist on PostgreSQL only. This does what `manage.py enable_trigram` does, as a
migration, so every PostgreSQL database gets it. Other databases are left alone. pg_trgm is a
trusted extension (PostgreSQL 13+): the database owner may create it without being superuser.
"""

from django.db import migrations

INDEXES = {
    "modelsearch_title_text_trgm": "title_text",
    "modelsearch_body_text_trgm": "body_text",
}


def index_table(apps, schema_editor):
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    return schema_editor.quote_name(table)


def enable_trigram(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    table = index_table(apps, schema_editor)
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(enable_trigram, drop_indexes)]
