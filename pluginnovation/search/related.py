"""Related content: the pages that share the most success factors, keywords and projects."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from pluginnovation.content.models import ContentPage, PageTag
from pluginnovation.search.listing import specific_pages, visible_pages

RELATED_COUNT = 5


def links_of(relation):
    """(link model, page id column, term id column) for a taxonomy field of ContentPage."""
    if relation == "tags":
        return PageTag, "content_object_id", "tag_id"
    m2m = ContentPage._meta.get_field(relation)
    return (
        m2m.remote_field.through,
        f"{m2m.m2m_field_name()}_id",
        f"{m2m.m2m_reverse_field_name()}_id",
    )


def shared_terms(relation, page):
    """How many of `page`'s terms in `relation` the outer page has too, as a subquery."""
    link, page_column, term_column = links_of(relation)
    own_terms = link.objects.filter(**{page_column: page.pk}).values(term_column)
    shared = (
        link.objects.filter(**{page_column: OuterRef("pk"), f"{term_column}__in": own_terms})
        .order_by()
        .values(page_column)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(shared, output_field=IntegerField()), 0)


def related_pages(page, count=RELATED_COUNT):
    """Up to `count` other live, public content pages, most shared terms first, then newest.

    Every shared success factor, keyword and project counts one. One query finds the pages,
    then one per content type and one for their success factors.
    """
    scored = (
        visible_pages()
        .exclude(pk=page.pk)
        .annotate(
            score=shared_terms("factors", page)
            + shared_terms("tags", page)
            + shared_terms("projects", page)
        )
        .filter(score__gt=0)
        .order_by("-score", "-published_date", "-pk")
        .values_list("pk", "content_type_id")[:count]
    )
    return specific_pages(list(scored))
