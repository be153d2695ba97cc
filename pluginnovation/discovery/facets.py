"""Facets: the GET parameters every listing and the search take, the filters they make and the
options shown, with the counts of pluginnovation.discovery.facet_index.

Values are slugs (years for `ar`), several per parameter (repeated or comma-separated): OR within
a facet, AND across facets. An option's count is what the listing would hold if it were chosen
together with the other facets' active filters, so every facet's counts come from the listing
filtered by all facets but itself.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, IntegerField, Q
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy

from taggit.models import Tag
from wagtail.models import Page

from pluginnovation.content.categories import CATEGORIES
from pluginnovation.content.models import ContentPage, PageTag

# Slugs are ASCII, except keyword slugs, which taggit makes from the keyword itself ("frånvaro").
SLUG = re.compile(r"[\w-]{1,100}")
YEAR = re.compile(r"(19|20)[0-9]{2}")
# More values than this for one parameter are not a person using the form.
MAX_VALUES = 20
# Large vocabularies list only the options that give hits (and the chosen ones).
MAX_TAG_OPTIONS = 25

SWEDISH_LETTERS = str.maketrans({"å": "z\x01", "ä": "z\x02", "ö": "z\x03"})


def content_models():
    """The content page types, each of which declares its `typ` value and heading.

    Found, not listed: a new content type needs no change here. In the order of
    INSTALLED_APPS, which is the order of the filter's options.
    """
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ContentPage) and model.listing_type
    ]


def types():
    """{`typ` value: content page type}, in display order."""
    return {model.listing_type: model for model in content_models()}


@dataclass(frozen=True)
class Facet:
    param: str
    # Lazily translated (the listings speak Swedish or English).
    label: str
    # A taxonomy field on ContentPage ("factors", ..., "tags"); None for `typ` and `ar`.
    relation: str | None = None
    # Small vocabularies show every option, also those that would give no hits.
    show_all: bool = True
    # A filter on one content type's own field (content.listing_options), and that type.
    field_filter: object = None
    model: type | None = None

    def accepts(self, value):
        if self.field_filter is not None:
            return any(option.value == value for option in self.field_filter.options)
        if self.param == "typ":
            return value in types()
        if self.param == "ar":
            return bool(YEAR.fullmatch(value))
        return bool(SLUG.fullmatch(value))

    @property
    def only_of(self):
        """The heading of the one content type this filter belongs to ("Fallstudier"), or
        None: a listing of several types says so beside the filter's name."""
        return self.model.listing_heading if self.model is not None else None

    @cached_property
    def link(self):
        """The link table behind a taxonomy facet: (model, page id column, term field)."""
        if self.relation == "tags":
            return PageTag, "content_object_id", "tag"
        m2m = ContentPage._meta.get_field(self.relation)
        return m2m.remote_field.through, f"{m2m.m2m_field_name()}_id", m2m.m2m_reverse_field_name()

    @cached_property
    def term_model(self):
        if self.relation == "tags":
            return Tag
        return ContentPage._meta.get_field(self.relation).related_model


CATEGORY_FACETS = [Facet(c.param, c.label, c.field, show_all=c.small) for c in CATEGORIES]
# Filters on the fields of one content type (a method's evidence), as each type declares them.
FIELD_FACETS = [
    Facet(field_filter.param, field_filter.label, field_filter=field_filter, model=model)
    for model in content_models()
    for field_filter in model.listing_filters
]
# The content type comes right after the success factors: the two ways most visitors narrow
# a listing first. The year, a large vocabulary of its own, comes last.
FACETS = [
    CATEGORY_FACETS[0],
    Facet("typ", gettext_lazy("Typ av innehåll")),
    *CATEGORY_FACETS[1:],
    *FIELD_FACETS,
    Facet("ar", gettext_lazy("Publiceringsår"), show_all=False),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}
PARAMS = list(FACETS_BY_PARAM)


@dataclass
class Selection:
    """The valid-looking values asked for, per parameter, and what was thrown out."""

    values: dict[str, list[str]] = field(default_factory=dict)
    rejected: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self):
        return bool(self.values)

    def without(self, param, value):
        """A copy without one value (for the "remove this filter" links)."""
        values = {p: [v for v in vs if (p, v) != (param, value)] for p, vs in self.values.items()}
        return Selection({p: vs for p, vs in values.items() if vs})

    def drop(self, param, unknown):
        kept = [v for v in self.values.get(param, []) if v not in unknown]
        self.rejected += [(param, v) for v in self.values.get(param, []) if v in unknown]
        if kept:
            self.values[param] = kept
        else:
            self.values.pop(param, None)

    def as_pairs(self):
        return [(param, value) for param in PARAMS for value in self.values.get(param, [])]


def parse_selection(query_dict):
    """Read the facet parameters; syntactically impossible values are rejected at once."""
    selection = Selection()
    for facet in FACETS:
        values, rejected = requested_values(query_dict, facet.param, facet.accepts)
        selection.rejected += rejected
        if values:
            selection.values[facet.param] = values
    return selection


def requested_values(query_dict, param, accepts):
    """The distinct values asked for in `param` (repeated or comma-separated, lowercased) that
    `accepts`, and (param, value) for the others; past MAX_VALUES every value is refused
    (that many is not a person using a form)."""
    values, rejected = [], []
    for raw in query_dict.getlist(param):
        for part in str(raw).split(","):
            value = part.strip().lower()
            if not value or value in values:
                continue
            if accepts(value) and len(values) < MAX_VALUES:
                values.append(value)
            else:
                rejected.append((param, part.strip()))
    return values, rejected


@dataclass(frozen=True)
class Scope:
    """The pages a listing starts from, before any facet.

    within: ids of the pages to list (a queryset of ids, or a list), or None for every content
    page. hidden: a queryset of the ids of pages a visitor may not see. Both are subqueries the
    database answers from indexes, so every part of the count query stays cheap.
    """

    hidden: object
    within: object = None
    # The tree paths of the pages with a view restriction: `hidden` for the facet index.
    # Required, so no scope counts restricted pages by leaving it out.
    restricted: tuple = field(kw_only=True)


def content_types():
    return list(ContentType.objects.get_for_models(*content_models()).values())


def filed_year():
    """The year the `ar` filter files a page under: its type's own year field where it has one
    (content.models.ContentPage.listing_year_field), else the year it was published here."""
    own = [
        F(f"{model._meta.model_name}__{model.listing_year_field}")
        for model in content_models()
        if model.listing_year_field
    ]
    return Coalesce(*own, ExtractYear("published_date"), output_field=IntegerField())


def page_ids(param, values):
    """Ids of the pages with any of the values: one facet's filter, as a subquery."""
    if param == "typ":
        chosen = ContentType.objects.get_for_models(*(types()[value] for value in values))
        return Page.objects.filter(content_type__in=chosen.values()).values("pk")
    if param == "ar":
        years = [int(value) for value in values]
        return ContentPage.objects.alias(filed=filed_year()).filter(filed__in=years).values("pk")
    facet = FACETS_BY_PARAM[param]
    if facet.field_filter is not None:
        stored = facet.field_filter.stored_values(values)
        return facet.model.objects.filter(**{f"{facet.field_filter.field}__in": stored}).values(
            "pk"
        )
    link, page_column, term_field = facet.link
    return link.objects.filter(**{f"{term_field}__slug__in": values}).values(page_column)


def narrowing(scope, selection, column="pk", skip=None):
    """Conditions keeping `column` (a page id) within the scope, visible, and matching every
    active facet but `skip`."""
    conditions = [
        Q(**{f"{column}__in": page_ids(param, values)})
        for param, values in selection.values.items()
        if param != skip
    ]
    if scope.within is not None:
        conditions.append(Q(**{f"{column}__in": scope.within}))
    conditions.append(~Q(**{f"{column}__in": scope.hidden}))
    return conditions


def filtered(scope, selection):
    """The content pages of the scope that match every active facet."""
    return ContentPage.objects.filter(*narrowing(scope, selection))


# The columns of the facet index's load query (discovery.facet_index).
COLUMNS = ["f_facet", "f_slug", "f_name", "f_sort", "f_n"]


@dataclass
class Option:
    value: str
    name: str
    count: int
    selected: bool
    # The language of `name` where it is not the one shown (listing.name_in_language_shown).
    lang: str = ""

    @property
    def empty(self):
        """Would give no hits and is not chosen: shown muted."""
        return not self.count and not self.selected


@dataclass
class FacetGroup:
    facet: Facet
    options: list[Option]

    @property
    def selected_count(self):
        return sum(option.selected for option in self.options)


@dataclass
class FacetResult:
    total: int
    groups: list[FacetGroup]
    names: dict[tuple[str, str], str]


def type_values():
    """Content type id (as text, as the count query returns it) -> `typ` value."""
    by_model = ContentType.objects.get_for_models(*content_models())
    return {str(by_model[model].pk): model.listing_type for model in content_models()}


def type_options(rows, chosen):
    counts = type_values()
    counts = {counts.get(slug): count for slug, _name, _sort, count in rows}
    return [
        Option(
            model.listing_type,
            model.listing_heading,
            counts.get(model.listing_type, 0),
            model.listing_type in chosen,
        )
        for model in content_models()
    ]


def year_options(rows, chosen):
    counts = {slug: count for slug, _name, _sort, count in rows}
    counts.update({value: 0 for value in chosen if value not in counts})
    return [Option(y, y, counts[y], y in chosen) for y in sorted(counts, reverse=True)]


def tag_options(rows, chosen):
    """The most used keywords first; a chosen one is always listed."""
    rows = sorted(rows, key=lambda row: (-row[3], swedish(row[1])))
    rows = rows[:MAX_TAG_OPTIONS] + [row for row in rows[MAX_TAG_OPTIONS:] if row[0] in chosen]
    return [Option(slug, name, count, slug in chosen) for slug, name, _sort, count in rows]


def swedish(name):
    """A sort key that puts å, ä, ö after z, in that order, as a Swedish reader expects."""
    return name.lower().translate(SWEDISH_LETTERS)


def term_options(rows, chosen):
    rows = sorted(rows, key=lambda row: (row[2], swedish(row[1])))
    return [Option(slug, name, count, slug in chosen) for slug, name, _sort, count in rows]


# A field's list longer than this (the 21 counties) shows only the options with pages and
# those chosen: mostly "(0)", it was a long scroll on a phone for nothing.
LONG_FIELD_LIST = 10


def field_options(field_filter, rows, chosen):
    """Each option counts the pages with any of the values it stands for."""
    counts = {slug: count for slug, _name, _sort, count in rows}
    options = [
        Option(
            option.value,
            option.label,
            sum(counts.get(str(stored), 0) for stored in option.stored),
            option.value in chosen,
        )
        for option in field_filter.options
    ]
    if len(options) > LONG_FIELD_LIST:
        options = [option for option in options if option.count or option.selected]
    return options


def options_for(facet, rows, chosen):
    if facet.field_filter is not None:
        return field_options(facet.field_filter, rows, chosen)
    if facet.param == "typ":
        return type_options(rows, chosen)
    if facet.param == "ar":
        return year_options(rows, chosen)
    if facet.relation == "tags":
        return tag_options(rows, chosen)
    return term_options(rows, chosen)


def build_groups(rows, selection, facets):
    """Split the counted rows (facet_index.count_rows) into the total and one option list
    per facet.

    A term can come twice, as a term shown even without hits (with its sort key) and with its
    count: the larger of each wins.
    """
    total = 0
    merged = {}
    for param, slug, name, sort, count in rows:
        if param == "":
            total = count
            continue
        row = merged.setdefault((param, slug), [slug, name, sort, count])
        row[2], row[3] = max(row[2], sort), max(row[3], count)
    by_facet = {}
    for (param, _slug), row in merged.items():
        by_facet.setdefault(param, []).append(tuple(row))
    groups = []
    for facet in facets:
        chosen = selection.values.get(facet.param, [])
        groups.append(FacetGroup(facet, options_for(facet, by_facet.get(facet.param, []), chosen)))
    return total, groups


def unknown_values(groups, selection):
    """Chosen taxonomy values that match no term: {param: {values}}."""
    unknown = {}
    for group in groups:
        if group.facet.relation is None:
            continue
        known = {option.value for option in group.options}
        missing = set(selection.values.get(group.facet.param, [])) - known
        if missing:
            unknown[group.facet.param] = missing
    return unknown
