"""The categories a content page is filed under: the one list of them.

Each is a many-to-many field on ContentPage (declared there, as Django needs) and a filter in
every listing. The editor's category panel, the listings' filters (pluginnovation.discovery),
the side column of a detail page, the demo loader and the benchmark all read this list, so a
new category is added here and in ContentPage's fields, nowhere else.
"""

from collections import namedtuple
from dataclasses import dataclass

from django.db.models import QuerySet, Value, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Category:
    # The field on ContentPage.
    field: str
    # The GET parameter of listings and of links that filter on one term: ?region=gr.
    param: str
    # Lazily translated: Swedish, or English on the English pages.
    label: str
    # Small vocabularies: every option is shown, in the admin as checkboxes and in a listing's
    # filter even when it would give no hits. Large ones (municipalities, keywords) show only
    # the options that give hits, and use a select or a tag field in the admin.
    small: bool = True


CATEGORIES = [
    Category("factors", "faktor", _("Framgångsfaktor")),
    Category("projects", "projekt", _("Projekt")),
    Category("regions", "region", _("Region")),
    Category("municipalities", "kommun", _("Kommun"), small=False),
    Category("target_groups", "malgrupp", _("Målgrupp")),
    Category("levels", "niva", _("Nivå")),
    Category("intervention_types", "insatstyp", _("Insatstyp")),
    Category("tags", "tagg", _("Nyckelord"), small=False),
]

# The closed vocabularies: every category but the free keywords, which taggit keeps.
VOCABULARIES = [category for category in CATEGORIES if category.field != "tags"]

# What a page shows of a term: its name, and its slug for the link.
Term = namedtuple("Term", ["name", "slug"])


def category_terms(page):
    """The page's terms in every category, {field: [Term]}, each in its vocabulary's order.

    One query for all of them (a UNION ALL of one SELECT per category) instead of one per
    category: the side column, the facts and the structured data of every detail page use
    them. A page being previewed holds its categories in memory, not as querysets; those are
    simply listed.
    """
    terms = [getattr(page, category.field).all() for category in CATEGORIES]
    if not all(isinstance(qs, QuerySet) for qs in terms):
        pairs = zip(CATEGORIES, terms, strict=True)
        return {category.field: [Term(t.name, t.slug) for t in qs] for category, qs in pairs}
    parts = [
        # Each part is numbered in its model's ordering (a UNION cannot order its parts).
        qs.order_by()
        .annotate(
            category=Value(index),
            position=Window(RowNumber(), order_by=qs.query.order_by or qs.model._meta.ordering),
        )
        .values_list("category", "position", "name", "slug")
        for index, qs in enumerate(terms)
    ]
    rows = parts[0].union(*parts[1:], all=True).order_by("category", "position")
    by_field = {category.field: [] for category in CATEGORIES}
    for index, _position, name, slug in rows:
        by_field[CATEGORIES[index].field].append(Term(name, slug))
    return by_field
