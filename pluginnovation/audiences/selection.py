"""What a role page shows: the editor's picks, then, for the role's target groups (and levels),
the methods with the strongest evidence and the newest content.

Every list holds only what a visitor may see (live, no view restriction), and no page twice:
the picks come first, the strongest methods leave them out, and the newest leave out both.
The lists are read in a fixed number of queries, whatever the amount of content.
"""

from collections import namedtuple

from django.db.models import Case, IntegerField, QuerySet, Value, When, prefetch_related_objects

from methods.evidence import KnowledgeBasis
from methods.models import MethodPage
from pluginnovation.content.models import NEWEST_FIRST, ContentPage, with_card_fields
from pluginnovation.content.visibility import restricted, visible

STRONGEST_COUNT = 3
NEWEST_COUNT = 3

# A role's target group or level as the page shows it.
RoleTerm = namedtuple("RoleTerm", ["pk", "name", "slug"])
TERM_FIELDS = ("target_groups", "levels")

# Among methods of the same evidence strength, support from both research and experience
# ranks above one of them.
BASIS_RANK = Case(
    When(knowledge_basis=KnowledgeBasis.BOTH, then=Value(2)),
    When(knowledge_basis__in=[KnowledgeBasis.RESEARCH, KnowledgeBasis.EXPERIENCE], then=Value(1)),
    default=Value(0),
    output_field=IntegerField(),
)


def role_terms(page):
    """{"target_groups": [RoleTerm], "levels": [RoleTerm]}, each in its vocabulary's order:
    one query for both (a UNION), or none for a preview, whose choices are in memory."""
    querysets = [getattr(page, field).all() for field in TERM_FIELDS]
    if not all(isinstance(qs, QuerySet) for qs in querysets):
        return {
            field: sorted(
                (RoleTerm(term.pk, term.name, term.slug) for term in qs),
                key=lambda term: term.name,
            )
            for field, qs in zip(TERM_FIELDS, querysets, strict=True)
        }
    parts = [
        qs.order_by()
        .annotate(kind=Value(number))
        .values_list("kind", "sort_order", "name", "pk", "slug")
        for number, qs in enumerate(querysets)
    ]
    rows = sorted(parts[0].union(*parts[1:], all=True))
    terms = {field: [] for field in TERM_FIELDS}
    for kind, _order, name, pk, slug in rows:
        terms[TERM_FIELDS[kind]].append(RoleTerm(pk, name, slug))
    return terms


def picked_pages(page):
    """The pages the editor picked that a visitor may see, in the editor's order, each once.

    One query for the picks with their pages; a preview's picks are in memory.
    """
    links = page.picks.all()
    if isinstance(links, QuerySet):
        links = links.filter(page__live=True).exclude(restricted("page__path"))
        links = links.order_by("sort_order", "pk")
        pages = [link.page for link in links.select_related("page")]
    else:
        shown = visible(ContentPage.objects.filter(pk__in=[link.page_id for link in links]))
        shown = shown.in_bulk()
        pages = [shown[link.page_id] for link in links if link.page_id in shown]
    unique = {}
    for picked in pages:
        unique.setdefault(picked.pk, picked.specific_deferred)
    return list(unique.values())


def link_ids(field, term_ids):
    """Ids of the content pages filed under any of the terms, as a subquery."""
    m2m = ContentPage._meta.get_field(field)
    through = m2m.remote_field.through
    page_column = f"{m2m.m2m_field_name()}_id"
    term_column = f"{m2m.m2m_reverse_field_name()}_id"
    return through.objects.filter(**{f"{term_column}__in": term_ids}).values(page_column)


def for_role(pages, terms):
    """The pages for any of the role's target groups and, if it has levels, any of them."""
    for field in TERM_FIELDS:
        ids = [term.pk for term in terms[field]]
        if ids:
            pages = pages.filter(pk__in=link_ids(field, ids))
    return pages


def strongest_methods(terms, leave_out, count=STRONGEST_COUNT):
    """The role's methods with the strongest evidence: evidence strength, then the knowledge
    basis, then the newest. Methods whose strength is not known are not "strong"."""
    methods = visible(MethodPage.objects.filter(evidence_level__isnull=False))
    return list(
        for_role(methods, terms)
        .exclude(pk__in=leave_out)
        .annotate(basis_rank=BASIS_RANK)
        .order_by("-evidence_level", "-basis_rank", *NEWEST_FIRST)
        .defer_streamfields()[:count]
    )


def newest_pages(terms, leave_out, count=NEWEST_COUNT):
    """The role's newest research, case studies and methods."""
    pages = for_role(visible(ContentPage.objects.all()), terms).exclude(pk__in=leave_out)
    return [page.specific_deferred for page in pages.order_by(*NEWEST_FIRST)[:count]]


def role_sections(page, terms):
    """{"picked", "strongest", "newest"}: the role page's three lists of cards, with the fields
    the cards show (with_card_fields) and their success factors read together."""
    picked = picked_pages(page)
    strongest, newest = [], []
    if any(terms[field] for field in TERM_FIELDS):
        shown = {item.pk for item in picked}
        strongest = strongest_methods(terms, shown)
        shown |= {item.pk for item in strongest}
        newest = newest_pages(terms, shown)
    with_card_fields([*picked, *newest])
    prefetch_related_objects([*picked, *strongest, *newest], "factors")
    return {"picked": picked, "strongest": strongest, "newest": newest}
