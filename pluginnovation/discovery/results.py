"""The measured results of the case studies a visitor may see: filtered, counted and summed up
per project and per region for /resultat/, and per region for the region pages.

Results are not weighted or pooled: each row is one local measurement, counted once per
direction (improved, worsened, unchanged, unknown). Reading them costs a fixed number of
queries whatever the amount of content: the rows with their pages in one, the pages' projects
in another.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from casestudies.models import CaseStudyPage, CaseStudyResult, Direction, Indicator
from pluginnovation.content.models import ContentPage
from pluginnovation.content.visibility import visible
from pluginnovation.taxonomy.models import Project, Region, SuccessFactor

SLUG = re.compile(r"[a-z0-9-]{1,100}")
# More values than this for one parameter are not a person using the form.
MAX_VALUES = 10
# Junk values are cut in notices; nobody needs to read all of one.
SHOWN_VALUE_LENGTH = 40
DIRECTIONS = list(Direction)

RESULT_FIELDS = [
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
    Param("faktor", "Framgångsfaktor"),
    Param("projekt", "Projekt"),
    Param("region", "Region"),
    Param("indikator", "Indikator"),
]


@dataclass
class Filters:
    """The known values asked for, per parameter, and what was thrown out (as typed)."""

    values: dict[str, list[str]] = field(default_factory=dict)
    rejected: list[tuple[str, str]] = field(default_factory=list)

    def notices(self):
        labels = {param.name: param.label for param in PARAMS}
        notices = []
        for name, raw in self.rejected:
            shown = raw if len(raw) <= SHOWN_VALUE_LENGTH else raw[:SHOWN_VALUE_LENGTH] + "…"
            notices.append(
                f"Filtret {labels[name].lower()} ”{shown}” finns inte och användes inte."
            )
        return notices


def filter_options():
    """{param: {slug: name}} for every filter, in display order: three small queries."""
    return {
        "faktor": dict(SuccessFactor.objects.values_list("slug", "name")),
        "projekt": dict(Project.objects.values_list("slug", "name")),
        "region": dict(Region.objects.values_list("slug", "name")),
        "indikator": dict(Indicator.choices),
    }


def parse_filters(query_dict, options):
    """The filter values of a request; anything not among the options is rejected."""
    filters = Filters()
    for param in PARAMS:
        values = []
        for raw in query_dict.getlist(param.name)[:MAX_VALUES]:
            for part in str(raw).split(",")[:MAX_VALUES]:
                value = part.strip().lower()
                if not value or value in values:
                    continue
                if SLUG.fullmatch(value) and value in options[param.name]:
                    values.append(value)
                else:
                    filters.rejected.append((param.name, part.strip()))
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


def result_rows(filters):
    """Every result of the visible case studies that match the filters, with its page, its
    municipality and region: one query."""
    rows = CaseStudyResult.objects.filter(page__in=visible_case_studies(filters).values("pk"))
    if "indikator" in filters.values:
        rows = rows.filter(indicator__in=filters.values["indikator"])
    return list(
        rows.select_related("page__municipality__region")
        .only(*RESULT_FIELDS)
        .order_by("page__municipality__region__sort_order", "page__title", "page_id", "sort_order")
    )


def page_projects(page_ids):
    """{page id: [(slug, name), ...]} for the pages: one query on the link table."""
    m2m = ContentPage._meta.get_field("projects")
    page_column = f"{m2m.m2m_field_name()}_id"
    term = m2m.m2m_reverse_field_name()
    links = (
        m2m.remote_field.through.objects.filter(**{f"{page_column}__in": page_ids})
        .order_by(f"{term}__sort_order", f"{term}__name")
        .values_list(page_column, f"{term}__slug", f"{term}__name")
    )
    projects = {}
    for page_id, slug, name in links:
        projects.setdefault(page_id, []).append((slug, name))
    return projects


@dataclass
class Summary:
    """How many results moved which way, and in how many case studies."""

    key: str = ""
    name: str = ""
    counts: Counter = field(default_factory=Counter)
    pages: set = field(default_factory=set)

    def add(self, row):
        self.counts[row.direction] += 1
        self.pages.add(row.page_id)

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def case_studies(self):
        return len(self.pages)

    @property
    def by_direction(self):
        """[(Direction, count)] in a fixed order, zeros included."""
        return [(direction, self.counts[direction]) for direction in DIRECTIONS]


NO_PROJECT = ("", "Inget projekt angivet")


def summarise(rows, projects):
    """The overall summary, and one per project and per region, in display order."""
    overall = Summary()
    by_project = {}
    by_region = {}
    for row in rows:
        overall.add(row)
        region = row.page.municipality.region
        by_region.setdefault(region.slug, Summary(region.slug, region.name)).add(row)
        for slug, name in projects.get(row.page_id, [NO_PROJECT]):
            by_project.setdefault(slug, Summary(slug, name)).add(row)
    project_order = sorted(by_project.values(), key=lambda s: (s.key == "", s.name))
    return overall, project_order, list(by_region.values())


def results_overview(filters):
    """The rows and their summaries for /resultat/."""
    rows = result_rows(filters)
    projects = page_projects({row.page_id for row in rows}) if rows else {}
    for row in rows:
        row.projects = projects.get(row.page_id, [])
    overall, by_project, by_region = summarise(rows, projects)
    return {"rows": rows, "summary": overall, "by_project": by_project, "by_region": by_region}


def region_summary(region_id):
    """The summary of one region's results, for its section page: one query, which also
    names the region (None when it has no visible results)."""
    pages = CaseStudyPage.objects.filter(municipality__region_id=region_id)
    rows = (
        CaseStudyResult.objects.filter(page__in=visible(pages).values("pk"))
        .select_related("page__municipality__region")
        .only(
            "indicator",
            "value_before",
            "value_after",
            "better",
            "page__municipality",
            "page__municipality__region__slug",
            "page__municipality__region__name",
        )
    )
    summary = None
    for row in rows:
        if summary is None:
            region = row.page.municipality.region
            summary = Summary(region.slug, region.name)
        summary.add(row)
    return summary
