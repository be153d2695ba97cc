"""Fold the diacritics of a search index built before `swedish_unaccent` (migration 0003).

Queries are folded from 0003 on, so an index built with the plain `swedish` configuration would
no longer match "frånvaro". Rebuilding it (`manage.py update_index`) is exact; this makes an
existing index usable at once by folding its lexemes in place: `unaccent` applied to a
tsvector's text keeps its positions and weights. The only difference from a rebuild is that a
word was stemmed before folding rather than after, which changes no Swedish stem but *löst*.
"""

from django.db import migrations


def fold_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    schema_editor.execute(
        f"UPDATE {table} SET title = unaccent(title::text)::tsvector, "
        "body = unaccent(body::text)::tsvector "
        "WHERE title::text <> unaccent(title::text) OR body::text <> unaccent(body::text)"
    )


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0004_synonym")]

    operations = [migrations.RunPython(fold_index, migrations.RunPython.noop)]
