"""What a database holds, as numbers two databases can be compared by: every table's row count
and a checksum of its rows.

The rows are read with plain SQL, not through the models, so a restored database can be checked
even when the code has moved on since the backup (new fields, new tables). The checksum does not
depend on the order the database returns rows in: a restored database may sort text differently
(another collation) and still hold exactly the same rows.
"""

import datetime
import decimal
import hashlib
import json
import uuid

from django.apps import apps
from django.contrib.auth import get_user_model

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Revision,
)

SUMMARY_LABELS = {
    "pages": "sidor",
    "live_pages": "publicerade sidor",
    "revisions": "sidversioner",
    "page_view_restrictions": "åtkomstbegränsningar på sidor",
    "documents": "dokument",
    "collections": "samlingar",
    "collection_view_restrictions": "åtkomstbegränsningar på samlingar",
    "images": "bilder",
    "renditions": "bildstorlekar",
    "users": "användare",
}


def database_state(connection):
    """The migrations, headline numbers, per-table fingerprints and the media files the rows
    name, of the database behind `connection` (a Django database connection)."""
    tables = table_fingerprints(connection)
    return {
        "migrations": applied_migrations(connection, tables),
        "summary": summary(connection, tables),
        "tables": tables,
        "referenced_files": referenced_files(connection, tables),
    }


def table_fingerprints(connection):
    """{table: {"rows": n, "sha256": hex}} for every table the connection sees."""
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
    return {table: fingerprint_table(connection, table) for table in tables}


def fingerprint_table(connection, table):
    # One hash per row, sorted, then hashed together: order-independent, and only 32 bytes a
    # row in memory however large the table is.
    row_hashes = []
    with connection.chunked_cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
        columns = [column[0] for column in cursor.description]
        while batch := cursor.fetchmany(2000):
            row_hashes.extend(hashlib.sha256(encode_row(row)).digest() for row in batch)
    digest = hashlib.sha256(encode_row(columns))
    for row_hash in sorted(row_hashes):
        digest.update(row_hash)
    return {"rows": len(row_hashes), "sha256": digest.hexdigest()}


def encode_row(values):
    return json.dumps(
        list(values), default=encode_value, sort_keys=True, ensure_ascii=False
    ).encode()


def encode_value(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"bytes": bytes(value).hex()}
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    # Driver types without a JSON form (PostgreSQL inet, tsvector as text, ranges): their text
    # is stable for one driver, and a backup is only ever compared on the same database type.
    return str(value)


def applied_migrations(connection, tables):
    if "django_migrations" not in tables:
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations")
        return sorted(f"{app}.{name}" for app, name in cursor.fetchall())


def summary(connection, tables):
    """Row counts of the tables people care about, by name, and the taxonomy per vocabulary."""

    def rows(model):
        return tables.get(model._meta.db_table, {}).get("rows", 0)

    # What an editor would miss first.
    image_model = get_image_model()
    models = {
        "pages": Page,
        "revisions": Revision,
        "page_view_restrictions": PageViewRestriction,
        "documents": get_document_model(),
        "collections": Collection,
        "collection_view_restrictions": CollectionViewRestriction,
        "images": image_model,
        "renditions": image_model.get_rendition_model(),
        "users": get_user_model(),
    }
    numbers = {name: rows(model) for name, model in models.items()}
    numbers["live_pages"] = live_pages(connection, tables)
    numbers["taxonomy"] = {
        model._meta.label_lower: rows(model)
        for model in apps.get_app_config("taxonomy").get_models()
    }
    return numbers


def live_pages(connection, tables):
    table = Page._meta.db_table
    if table not in tables:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} WHERE live = %s", [True]
        )
        return cursor.fetchone()[0]


def referenced_files(connection, tables):
    """The media files (paths below MEDIA_ROOT) that documents, images and renditions name."""
    image_model = get_image_model()
    paths = set()
    for model in (get_document_model(), image_model, image_model.get_rendition_model()):
        table = model._meta.db_table
        if table not in tables:
            continue
        column = model._meta.get_field("file").column
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {quote(column)} FROM {quote(table)}")
            paths.update(name for (name,) in cursor.fetchall() if name)
    return sorted(paths)
