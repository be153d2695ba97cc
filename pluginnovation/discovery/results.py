"""The measured results of the case studies a visitor may see: filtered, counted and summed up
per project and per region for /resultat/, and per region for the region pages.

Results are not weighted or pooled: each row is one local measurement, counted once per
direction (improved, worsened, unchanged, unknown). The database counts them (one aggregate
query per region, one per project) and reads one page of rows, so the cost stays flat however
many results there are.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, F, IntegerField, Q, Value, When
from django.utils.translation import gettext, gettext_lazy

from casestudies.models import (
    DESIRED_DIRECTION,
    Better,
    CaseStudyPage,
    CaseStudyResult,
    Direction,
    Indicator,
    ResultKind,
)
from pluginnovation.content.models import ContentPage
from pluginnovation.content.visibility import shown_terms, visible
from pluginnovation.discovery.cache import cached
from pluginnovation.discovery.facets import requested_values
from pluginnovation.discovery.listing import CountedPaginator, page_number
from pluginnovation.taxonomy.models import Project, Region, SuccessFactor

# Junk values are cut in notices, and only the first few are named; nobody needs to read them all.
SHOWN_VALUE_LENGTH = 40
SHOWN_NOTICES = 5
# The directions results are counted by; a figure describing the work is no result.
DIRECTIONS = [direction for direction in Direction if direction != Direction.NOT_JUDGED]
# Result rows per page; the summaries always cover every matching row.
PAGE_SIZE = 50

RESULT_FIELDS = [
    "kind",
    "indicator",
    "description",
    "value_before",
    "value_after",
    "unit",
    "better",
    "students",
    "period",
    "source",
    "sort_order",
    "page__title",
    "page__url_path",
    # Its language, so a Swedish page among English ones is marked lang="sv".
    "page__locale",
    "page__municipality",
    "page__municipality__name",
    "page__municipality__region",
    "page__municipality__region__name",
    "page__municipality__region__slug",
]


@dataclass(frozen=True)
class Param:
    name: str
    label: str


PARAMS = [
    Param("faktor", gettext_lazy("Framgångsfaktor")),
    Param("projekt", gettext_lazy("Projekt")),
    Param("region", gettext_lazy("Region")),
    Param("indikator", gettext_lazy("Indikator")),
]


@dataclass
class Filters:
    """The known values asked for, per parameter, and what was thrown out (as typed)."""

    values: dict[str, list[str]] = field(default_factory=dict)
    rejected: list[tuple[str, str]] = field(default_factory=list)

    def key(self):
        """The chosen values as a cache key: the same choice in any order is one key."""
        return tuple(sorted((name, tuple(sorted(values))) for name, values in self.values.items()))

    def notices(self):
        labels = {param.name: param.label for param in PARAMS}
        notices = []
        for name, raw in self.rejected[:SHOWN_NOTICES]:
            shown = raw if len(raw) <= SHOWN_VALUE_LENGTH else raw[:SHOWN_VALUE_LENGTH] + "…"
            notices.append(
                gettext("Filtret %(filter)s ”%(value)s” finns inte och användes inte.")
                % {"filter": str(labels[name]).lower(), "value": shown}
            )
        if len(self.rejected) > SHOWN_NOTICES:
            rest = len(self.rejected) - SHOWN_NOTICES
            notices.append(
                gettext("Ytterligare %(count)s okända filtervärden användes inte.")
                % {"count": rest}
            )
        return notices


def filter_options():
    """{param: {slug: name}} for every filter, in display order: three small queries."""
    return {
        "faktor": {
            factor.slug: factor.local_name
            for factor in SuccessFactor.objects.only("slug", "name", "name_en")
        },
        "projekt": dict(shown_terms(Project).values_list("slug", "name")),
        "region": dict(Region.objects.values_list("slug", "name")),
        "indikator": {value: gettext(label) for value, label in Indicator.choices},
    }


# Where each filter's value is found from a result row.
RESULT_PATHS = {
    "faktor": "page__factors__slug",
    "projekt": "page__projects__slug",
    "region": "page__municipality__region__slug",
    "indikator": "indicator",
}


def option_counts(filters):
    """{param: {value: number of results}} for the filters' options: each value counts the
    results that choosing it would list, with the other filters as chosen (a filter's own
    choice is left out, since choosing another value replaces it). Values without results are
    not offered, so no choice is a dead end. Four small aggregate queries, language-free."""
    counts = {}
    for param, path in RESULT_PATHS.items():
        others = Filters({name: values for name, values in filters.values.items() if name != param})
        counts[param] = dict(
            filtered_results(others)
            .order_by()
            .values(path)
            .annotate(number=Count("pk", distinct=True))
            .values_list(path, "number")
        )
    return counts


def parse_filters(query_dict, options):
    """The filter values of a request; anything not among the options is rejected."""
    filters = Filters()
    for param in PARAMS:
        values, rejected = requested_values(
            query_dict, param.name, lambda value, known=options[param.name]: value in known
        )
        filters.rejected += rejected
        if values:
            filters.values[param.name] = values
    return filters


def term_page_ids(relation, slugs):
    """Ids of the content pages linked to any of the terms: a subquery on the link table."""
    m2m = ContentPage._meta.get_field(relation)
    through = m2m.remote_field.through
    term = m2m.m2m_reverse_field_name()
    return through.objects.filter(**{f"{term}__slug__in": slugs}).values(
        f"{m2m.m2m_field_name()}_id"
    )


def visible_case_studies(filters):
    pages = visible(CaseStudyPage.objects.all())
    if "faktor" in filters.values:
        pages = pages.filter(pk__in=term_page_ids("factors", filters.values["faktor"]))
    if "projekt" in filters.values:
        pages = pages.filter(pk__in=term_page_ids("projects", filters.values["projekt"]))
    if "region" in filters.values:
        pages = pages.filter(municipality__region__slug__in=filters.values["region"])
    return pages


def desired_expression():
    """SQL for CaseStudyResult.desired: +1, -1 or 0."""
    whens = [
        When(better=Better.HIGHER, then=Value(1)),
        When(better=Better.LOWER, then=Value(-1)),
        *(When(indicator=key, then=Value(sign)) for key, sign in DESIRED_DIRECTION.items()),
    ]
    return Case(*whens, default=Value(0), output_field=IntegerField())


def direction_expression():
    """SQL for CaseStudyResult.direction, so the counts are made by the database; a test
    checks that the two agree on every row."""
    rose = Q(value_after__gt=F("value_before"))
    fell = Q(value_after__lt=F("value_before"))
    return Case(
        When(kind=ResultKind.DESCRIPTION, then=Value(Direction.NOT_JUDGED.value)),
        When(value_before__isnull=True, then=Value(Direction.UNKNOWN.value)),
        When(desired_value=0, then=Value(Direction.UNKNOWN.value)),
        When(value_after=F("value_before"), then=Value(Direction.UNCHANGED.value)),
        When(
            (Q(desired_value=1) & rose) | (Q(desired_value=-1) & fell),
            then=Value(Direction.IMPROVED.value),
        ),
        default=Value(Direction.WORSENED.value),
        output_field=CharField(),
    )


def filtered_results(filters, region_id=None):
    """The results of the visible case studies that match the filters (not yet read)."""
    pages = visible_case_studies(filters)
    if region_id is not None:
        pages = pages.filter(municipality__region_id=region_id)
    # Figures that describe the work (how many schools, weeks) are not results.
    rows = CaseStudyResult.objects.filter(page__in=pages.values("pk")).exclude(
        kind=ResultKind.DESCRIPTION
    )
    if "indikator" in filters.values:
        rows = rows.filter(indicator__in=filters.values["indikator"])
    return rows


def with_direction(rows):
    return rows.annotate(desired_value=desired_expression()).annotate(
        direction_value=direction_expression()
    )


def grouped_counts(rows, *group_by):
    """Per group: results by direction, results and case studies, in one aggregate query."""
    counts = {
        direction.value: Count("pk", filter=Q(direction_value=direction.value))
        for direction in DIRECTIONS
    }
    return (
        with_direction(rows)
        .order_by()
        .values(*group_by)
        .annotate(n_results=Count("pk"), n_pages=Count("page", distinct=True), **counts)
    )


@dataclass
class Summary:
    """How many results moved which way, and in how many case studies."""

    key: str = ""
    name: str = ""
    counts: Counter = field(default_factory=Counter)
    total: int = 0
    case_studies: int = 0

    @classmethod
    def from_row(cls, key, name, row):
        counts = Counter({direction.value: row[direction.value] for direction in DIRECTIONS})
        return cls(key, name, counts, row["n_results"], row["n_pages"])

    def add(self, other):
        self.counts.update(other.counts)
        self.total += other.total
        self.case_studies += other.case_studies

    @property
    def by_direction(self):
        """[(Direction, count)] in a fixed order, zeros included."""
        return [(direction, self.counts[direction.value]) for direction in DIRECTIONS]


REGION = "page__municipality__region__"
# Lazy, so a cached summary says it in the language of the page that shows it.
NO_PROJECT = ("", gettext_lazy("Inget projekt angivet"))


def region_summaries(rows):
    """One summary per region, in the regions' order: one query."""
    groups = grouped_counts(rows, f"{REGION}slug", f"{REGION}name", f"{REGION}sort_order")
    groups = sorted(groups, key=lambda g: (g[f"{REGION}sort_order"], g[f"{REGION}name"]))
    return [Summary.from_row(g[f"{REGION}slug"], g[f"{REGION}name"], g) for g in groups]


def project_summaries(rows):
    """One summary per project (a case study may belong to several), then those without a
    project: one query."""
    groups = grouped_counts(rows, "page__projects__slug", "page__projects__name")
    summaries = [
        Summary.from_row(
            g["page__projects__slug"] or NO_PROJECT[0],
            g["page__projects__name"] or NO_PROJECT[1],
            g,
        )
        for g in groups
    ]
    return sorted(summaries, key=lambda s: (s.key == "", s.name))


def page_of_rows(rows, total, raw_page_number):
    """One page of result rows with their case studies and regions: one query."""
    ordered = (
        rows.select_related("page__municipality__region")
        .only(*RESULT_FIELDS)
        .order_by(f"{REGION}sort_order", f"{REGION}name", "page__title", "page_id", "sort_order")
    )
    paginator = CountedPaginator(ordered, PAGE_SIZE, total)
    return paginator.page(page_number(raw_page_number, paginator.num_pages))


def summaries(filters):
    """The overall, per region and per project summaries: two aggregate queries."""
    rows = filtered_results(filters)
    by_region = region_summaries(rows)
    overall = Summary()
    for summary in by_region:
        # Every case study lies in exactly one region, so the regions add up to the whole.
        overall.add(summary)
    by_project = project_summaries(rows) if overall.total else []
    return overall, by_region, by_project


def results_overview(filters, raw_page_number=None, request=None):
    """The summaries over every matching result, and one page of the rows, for /resultat/.
    The summaries (numbers and names) are cached per content version, like the facet counts."""
    overall, by_region, by_project = cached(
        request, "results", filters.key(), lambda: summaries(filters)
    )
    items = None
    if overall.total:
        items = page_of_rows(filtered_results(filters), overall.total, raw_page_number)
    return {"summary": overall, "by_region": by_region, "by_project": by_project, "items": items}


def region_summary(region_id):
    """The summary of one region's results, for its section page (None when it has no visible
    results): one query, which also names the region."""
    summaries = region_summaries(filtered_results(Filters(), region_id=region_id))
    return summaries[0] if summaries else None
