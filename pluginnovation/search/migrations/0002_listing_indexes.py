"""Indexes the listings and the search need beyond Django's and Wagtail's own.

- sitesearch_page_draft: the few pages that are not live, so "everything a visitor may see"
  is answered without reading the whole page table (a partial index; PostgreSQL and SQLite).
- sitesearch_indexentry_fts (PostgreSQL): the search backend matches against title || body;
  GIN indexes on the two columns separately cannot serve that expression, this one can.
"""

from django.db import migrations

DRAFTS = "sitesearch_page_draft"
FULLTEXT = "sitesearch_indexentry_fts"


def create(apps, schema_editor):
    quote = schema_editor.quote_name
    pages = quote(apps.get_model("wagtailcore", "Page")._meta.db_table)
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {DRAFTS} ON {pages} (id) WHERE NOT live")
    if schema_editor.connection.vendor == "postgresql":
        entries = quote(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {FULLTEXT} ON {entries} USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {DRAFTS}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {FULLTEXT}")


class Migration(migrations.Migration):
    dependencies = [
        ("sitesearch", "0001_trigram_search"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create, drop)]
