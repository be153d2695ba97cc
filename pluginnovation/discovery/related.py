"""Related content: the pages that share the most success factors, keywords and projects."""

from django.db import connection
from django.db.models import prefetch_related_objects

from wagtail.models import Page, PageViewRestriction

from pluginnovation.content.models import ContentPage, PageTag
from pluginnovation.discovery.cache import cached
from pluginnovation.discovery.facets import content_models

RELATED_COUNT = 5
RELATIONS = ("factors", "tags", "projects")


def link_table(relation):
    """(table, page id column, term id column) of a taxonomy link table, quoted."""
    if relation == "tags":
        link, page_field, term_field = PageTag, "content_object", "tag"
    else:
        m2m = ContentPage._meta.get_field(relation)
        link = m2m.remote_field.through
        page_field, term_field = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
    quote = connection.ops.quote_name
    return (
        quote(link._meta.db_table),
        quote(link._meta.get_field(page_field).column),
        quote(link._meta.get_field(term_field).column),
    )


def shared_links_sql():
    """One row per (other page, shared term): the links of pages to the terms `%s` has."""
    parts = []
    for relation in RELATIONS:
        table, page, term = link_table(relation)
        parts.append(
            f"SELECT {page} AS page_id FROM {table} "
            f"WHERE {term} IN (SELECT {term} FROM {table} WHERE {page} = %s)"
        )
    return " UNION ALL ".join(parts)


def related_sql():
    quote = connection.ops.quote_name
    pages = quote(Page._meta.db_table)
    content = quote(ContentPage._meta.db_table)
    restrictions = quote(PageViewRestriction._meta.db_table)
    # Visible as in listing.visible_pages(): live, and no view restriction at or above it.
    # Every column of the pages: they are built from this one query (ContentPage.objects.raw),
    # with the fields their cards show from each type's own table.
    card_columns, card_joins = card_sql()
    return f"""
        SELECT page.*, content.*{card_columns}
        FROM (
            SELECT page_id, COUNT(*) AS score FROM ({shared_links_sql()}) shared
            GROUP BY page_id
        ) scored
        JOIN {content} content ON content.page_ptr_id = scored.page_id
        JOIN {pages} page ON page.id = scored.page_id{card_joins}
        WHERE scored.page_id <> %s AND page.live AND NOT EXISTS (
            SELECT 1 FROM {restrictions} restriction
            JOIN {pages} restricted ON restricted.id = restriction.page_id
            WHERE SUBSTR(page.path, 1, LENGTH(restricted.path)) = restricted.path
        )
        ORDER BY scored.score DESC, content.published_date DESC, page.id DESC
        LIMIT %s
    """


def card_alias(model, field):
    return f"card_{model._meta.model_name}_{field}"


def card_sql():
    """Columns and LEFT JOINs for the card fields of every content type that declares some."""
    quote = connection.ops.quote_name
    columns, joins = "", ""
    for number, model in enumerate(m for m in content_models() if m.card_fields):
        table = f"card{number}"
        key = quote(model._meta.pk.column)
        joins += f" LEFT JOIN {quote(model._meta.db_table)} {table} ON {table}.{key} = page.id"
        for field in model.card_fields:
            column = quote(model._meta.get_field(field).column)
            columns += f", {table}.{column} AS {card_alias(model, field)}"
    return columns, joins


def related_and_shown(page, request=None):
    """related_pages() and the other pages the page shows as cards (ContentPage.cards_shown: a
    method's linked research and case studies), each with the success factors its card shows:
    read together once per content version (at 10,000 pages a method's own cards took 3 ms
    of queries on every request). A preview shows its own, unsaved links: read each time."""

    def read():
        related = related_pages(page)
        shown = list(page.cards_shown())
        prefetch_related_objects([*related, *shown], "factors")
        return related, shown

    if getattr(request, "is_preview", False):
        return read()
    return cached(request, "related-and-shown", page.pk, read)


def related_pages(page, count=RELATED_COUNT):
    """Up to `count` other live, public content pages, most shared terms first, then newest.

    Every shared success factor, keyword and project counts one. The scores come from the link
    tables alone (one row per shared term, grouped by page) instead of a subquery per page, so
    the cost follows the number of shared links, not the number of pages: raw SQL, because the
    ORM cannot group over a UNION. The same query reads the pages; related_and_shown keeps them
    until the content changes, with the success factors their cards show.
    """
    params = [page.pk] * len(RELATIONS) + [page.pk, count]
    related = []
    for row in ContentPage.objects.raw(related_sql(), params):
        # Each page as its own class (research, case study, method) for its card. A card
        # shows ContentPage fields and its type's card fields, all read above, so
        # specific_deferred costs no query.
        page = row.specific_deferred
        for field in page.card_fields:
            value = getattr(row, card_alias(type(page), field))
            setattr(page, field, page._meta.get_field(field).to_python(value))
        related.append(page)
    return related
