"""What a project page shows that follows from the data: where the project worked, its case
studies and their measured results, the content linked to it, a small map, its public reports.

Everything is computed from the project term and the visible content each time the page is
shown (a fixed number of queries, whatever the amount of content), so the page cannot drift
from the case studies or from the "projekt" filter of the listings.
"""

from urllib.parse import urlencode

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from casestudies.models import CaseStudyPage, RegionSectionPage
from pluginnovation.content.models import ContentPage
from pluginnovation.content.visibility import visible
from pluginnovation.discovery.places import counties_of, municipalities_by_county
from pluginnovation.discovery.results import Filters, Summary, filtered_results, region_summaries
from pluginnovation.places.outlines import outlines
from pluginnovation.taxonomy.counties import COUNTIES
from pluginnovation.taxonomy.models import Municipality

# Cards of linked content shown on the page; the rest are one click away in /utforska/.
NEWEST_LINKED = 6
PROJECT_PARAM = "projekt"


def project_facts(page, request=None):
    project = page.project
    case_studies = list(
        visible(CaseStudyPage.objects.filter(projects=project))
        .select_related("municipality__region")
        .only(
            "title",
            "url_path",
            "path",
            "depth",
            "organisation",
            "period",
            "municipality__name",
            "municipality__code",
            "municipality__slug",
            "municipality__region__name",
            "municipality__region__slug",
            "municipality__region__sort_order",
        )
        .order_by("municipality__name", "title")
    )
    municipalities = sorted(
        {study.municipality for study in case_studies}, key=lambda m: (m.name, m.pk)
    )
    term_regions = list(project.regions.all())
    regions = places_by_region(term_regions, municipalities, request)
    summary, by_region = results_summary(project)
    linked, linked_count = linked_content(project)
    query = urlencode({PROJECT_PARAM: project.slug})
    return {
        "project": project,
        "case_studies": case_studies,
        "municipalities": municipalities,
        "regions": regions,
        "results_summary": summary,
        "results_by_region": by_region,
        "results_url": f"{reverse('results')}?{query}",
        "linked": linked,
        "linked_count": linked_count,
        "explore_url": f"{reverse('explore')}?{query}",
        "project_map": project_map(term_regions, municipalities),
        "reports": public_reports(page),
    }


def places_by_region(term_regions, municipalities, request=None):
    """The regions that took part: the term's, and those of its case studies' municipalities,
    in the regions' order, each with its case-study section (if visible) and its
    municipalities among the case studies'."""
    regions = {region.pk: region for region in term_regions}
    for municipality in municipalities:
        regions.setdefault(municipality.region_id, municipality.region)
    ordered = sorted(regions.values(), key=lambda r: (r.sort_order, r.name))
    sections = {
        section.region_id: section
        for section in visible(RegionSectionPage.objects.filter(region_id__in=regions)).only(
            "url_path", "path", "depth", "region_id", "title"
        )
    }
    return [
        {
            "region": region,
            "url": sections[region.pk].get_url(request) if region.pk in sections else None,
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


def linked_content(project):
    """The newest visible content pages linked to the project, as cards, and how many there
    are in all."""
    pages = visible(ContentPage.objects.filter(projects=project))
    count = pages.count()
    if not count:
        return [], 0
    newest = list(
        pages.order_by("-published_date", "-pk")
        .prefetch_related("factors")
        .specific()[:NEWEST_LINKED]
    )
    return newest, count


def project_map(term_regions, municipalities):
    """The county outlines, each marked by whether the project's case studies come from it
    ("fallstudier") or only one of its regions' municipalities lies in it ("region")."""
    region_codes = Municipality.objects.filter(region__in=term_regions).values_list(
        "code", flat=True
    )
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


def restricted_collection():
    """True where a view restriction covers the document's collection or one above it."""
    ancestor_path = Substr(OuterRef("collection__path"), 1, Length("collection__path"))
    return Exists(CollectionViewRestriction.objects.filter(collection__path=ancestor_path))


def public_reports(page):
    """The page's reports whose document anyone may download, in the editor's order: one
    query (the block data gives the ids; private collections' documents are left out)."""
    blocks = [
        block["value"]
        for block in page.reports.raw_data
        if block.get("type") == "report" and isinstance(block.get("value"), dict)
    ]
    ids = [value.get("document") for value in blocks]
    ids = [pk for pk in ids if isinstance(pk, int)]
    if not ids:
        return []
    documents = get_document_model().objects.filter(pk__in=ids).exclude(restricted_collection())
    by_id = {document.pk: document for document in documents}
    return [
        {
            "document": by_id[value["document"]],
            "title": value.get("title") or by_id[value["document"]].title,
            "description": value.get("description") or "",
        }
        for value in blocks
        if value.get("document") in by_id
    ]
