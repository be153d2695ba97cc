"""What a project page shows that follows from the data: where the project worked, its case
studies and their measured results, the content linked to it, a small map, its public reports.

Everything is computed from the project term and the visible content each time the page is
shown (a fixed number of queries, whatever the amount of content), so the page cannot drift
from the case studies or from the "projekt" filter of the listings.
"""

from urllib.parse import urlencode

from django.db.models import (
    Count,
    F,
    OuterRef,
    Subquery,
    Window,
    prefetch_related_objects,
)
from django.urls import reverse

from wagtail.models import Page

from casestudies.models import CaseStudyPage, RegionSectionPage
from pluginnovation.content.models import NEWEST_FIRST, ContentPage
from pluginnovation.content.visibility import public_documents, visible
from pluginnovation.discovery.facets import content_models
from pluginnovation.discovery.places import counties_of, municipalities_by_county
from pluginnovation.discovery.results import Filters, Summary, filtered_results, region_summaries
from pluginnovation.places.outlines import outlines
from pluginnovation.taxonomy.counties import COUNTIES
from pluginnovation.taxonomy.models import Municipality, Region

# Cards of linked content shown on the page; the rest are one click away in /utforska/.
NEWEST_LINKED = 6
# Case studies named on the page; all of them are one click away in /utforska/.
CASE_STUDIES_SHOWN = 12
PROJECT_PARAM = "projekt"


def project_facts(page, request=None):
    project = page.project
    studies = visible(CaseStudyPage.objects.filter(projects=project))
    case_studies = list(
        studies.annotate(total=Window(Count("pk")))
        .select_related("municipality")
        .only("title", "url_path", "path", "depth", "period", "municipality__name")
        .order_by("municipality__name", "title")[:CASE_STUDIES_SHOWN]
    )
    # Every municipality with a visible case study in the project, with its region and the
    # region's section, however many case studies there are: one query.
    municipalities = list(
        Municipality.objects.filter(pk__in=studies.values("municipality_id"))
        .select_related("region")
        .annotate(section_path=section_url_path(OuterRef("region")))
        .order_by("name", "pk")
    )
    term_regions, region_codes = regions_of(project)
    regions = places_by_region(term_regions, municipalities, request)
    summary, by_region = results_summary(project)
    linked, linked_count = linked_content(project)
    query = urlencode({PROJECT_PARAM: project.slug})
    return {
        "project": project,
        "case_studies": case_studies,
        "case_study_count": case_studies[0].total if case_studies else 0,
        "case_studies_url": f"{reverse('explore')}?{query}&typ={CaseStudyPage.listing_type}",
        "municipalities": municipalities,
        "regions": regions,
        "results_summary": summary,
        "results_by_region": by_region,
        "results_url": f"{reverse('results')}?{query}",
        "linked": linked,
        "linked_count": linked_count,
        "explore_url": f"{reverse('explore')}?{query}",
        "project_map": project_map(region_codes, municipalities),
        "reports": public_reports(page),
    }


def section_url_path(region):
    """The url_path of the visible case-study section of `region` (an outer reference)."""
    sections = visible(RegionSectionPage.objects.filter(region=region))
    return Subquery(sections.values("url_path")[:1])


def url_from_path(url_path, request=None):
    """A page's address from its url_path alone, as Wagtail makes it (no query)."""
    return Page(url_path=url_path).get_url(request) if url_path else None


def regions_of(project):
    """The term's regions, each with the url_path of its case-study section (if visible),
    and the codes of their municipalities (for the map): one query."""
    regions, codes = {}, []
    rows = (
        Region.objects.filter(projects=project)
        .annotate(section_path=section_url_path(OuterRef("pk")))
        .values_list("pk", "name", "slug", "sort_order", "section_path", "municipalities__code")
    )
    for pk, name, slug, sort_order, section_path, code in rows:
        region = Region(pk=pk, name=name, slug=slug, sort_order=sort_order)
        region.section_path = section_path
        regions.setdefault(pk, region)
        if code:
            codes.append(code)
    return list(regions.values()), codes


def places_by_region(term_regions, municipalities, request=None):
    """The regions that took part: the term's, and those of its case studies' municipalities,
    in the regions' order, each with its case-study section (if visible) and its
    municipalities among the case studies'. No query: the sections came with the rows."""
    regions = {region.pk: region for region in term_regions}
    for municipality in municipalities:
        region = municipality.region
        region.section_path = municipality.section_path
        regions.setdefault(region.pk, region)
    ordered = sorted(regions.values(), key=lambda r: (r.sort_order, r.name))
    return [
        {
            "region": region,
            "url": url_from_path(region.section_path, request),
            "municipalities": [m for m in municipalities if m.region_id == region.pk],
        }
        for region in ordered
    ]


def results_summary(project):
    """The overall summary of the measured results of the project's visible case studies
    and one per region (one query); (None, []) when there are none."""
    rows = filtered_results(Filters(values={PROJECT_PARAM: [project.slug]}))
    by_region = region_summaries(rows)
    overall = Summary(key=project.slug, name=project.name)
    for summary in by_region:
        overall.add(summary)
    return (overall if overall.total else None), by_region


def card_columns():
    """{alias: lookup} for the card fields of every content type that has some, read in the
    same query as the ContentPage rows (LEFT JOINs to the types' tables)."""
    return {
        f"card_{model._meta.model_name}_{field}": F(f"{model._meta.model_name}__{field}")
        for model in content_models()
        for field in model.card_fields
    }


def linked_content(project):
    """The newest visible content pages linked to the project, as cards (each as its own
    type, with its card fields and success factors), and how many there are in all: two
    queries, whatever the types, the count and the card fields coming with the rows."""
    rows = list(
        visible(ContentPage.objects.filter(projects=project))
        .annotate(total=Window(Count("pk")), **card_columns())
        .order_by(*NEWEST_FIRST)[:NEWEST_LINKED]
    )
    if not rows:
        return [], 0
    pages = []
    for row in rows:
        page = row.specific_deferred
        for field in page.card_fields:
            value = getattr(row, f"card_{type(page)._meta.model_name}_{field}")
            setattr(page, field, page._meta.get_field(field).to_python(value))
        pages.append(page)
    prefetch_related_objects(pages, "factors")
    return pages, rows[0].total


def project_map(region_codes, municipalities):
    """The county outlines, each marked by whether the project's case studies come from it
    ("fallstudier") or only one of its regions' municipalities lies in it ("region")."""
    with_case_studies = municipalities_by_county(municipalities)
    studied = {county for county, _ in with_case_studies}
    region_counties = [c for c in counties_of(region_codes) if c not in studied]
    marked = dict.fromkeys(studied, "fallstudier")
    marked.update(dict.fromkeys(region_counties, "region"))
    data = outlines()
    return {
        "view_box": data["viewBox"],
        "counties": [
            {"name": county.name, "outline": path, "mark": marked.get(county, "")}
            for county, path in county_outlines(data)
        ],
        "with_case_studies": with_case_studies,
        "region_counties": region_counties,
    }


def county_outlines(data):
    paths = data["counties"]
    return [(county, paths[county.slug]) for county in COUNTIES if county.slug in paths]


def public_reports(page):
    """The page's reports whose document anyone may download, in the editor's order: one
    query (the block data gives the ids; private collections' documents are left out)."""
    blocks = [
        block["value"]
        for block in page.reports.raw_data
        if block.get("type") == "report" and isinstance(block.get("value"), dict)
    ]
    by_id = public_documents([value.get("document") for value in blocks])
    return [
        {
            "document": by_id[value["document"]],
            "title": value.get("title") or by_id[value["document"]].title,
            "description": value.get("description") or "",
        }
        for value in blocks
        if value.get("document") in by_id
    ]
