"""Projects and places on the case-study pages: what a region section says about its region
(projects, municipalities, whether it has case studies yet) and the links from /fallstudier/
to every region section."""

import re

from django import template
from django.db.models import CharField, Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from casestudies.models import CaseStudyPage, RegionSectionPage
from pluginnovation.content.visibility import shown_terms, visible
from pluginnovation.discovery.cache import cached
from pluginnovation.discovery.results import region_summary
from pluginnovation.projects.facts import url_from_path
from pluginnovation.projects.models import ProjectPage
from pluginnovation.taxonomy.models import Municipality, Project, Region

register = template.Library()

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9”\"])")


@register.filter
def first_sentence(text):
    """The first sentence of a text, for one-line summaries in lists."""
    text = " ".join(str(text or "").split())
    return SENTENCE_END.split(text, maxsplit=1)[0]


def visible_case_studies_of(municipality):
    """How many visible case studies come from `municipality` (an outer reference)."""
    pages = visible(CaseStudyPage.objects.filter(municipality=municipality))
    counted = pages.order_by().values("municipality").annotate(count=Count("pk")).values("count")
    return Coalesce(Subquery(counted[:1]), 0)


def project_page_path(project):
    """The url_path of the visible page of `project` (an outer reference), or NULL."""
    return Subquery(visible(ProjectPage.objects.filter(project=project)).values("url_path")[:1])


@register.simple_tag(takes_context=True)
def region_facts(context, section):
    """What a region section shows about its region: the projects it took part in (linked to
    their visible project pages), its municipalities with their numbers of visible case
    studies, the number of visible case studies in all and the summary of their results. Two
    queries, once per content version: the municipalities and the projects are read as one
    union of rows of the same shape, then the results are counted."""
    request = context.get("request")
    return cached(request, "region-facts", section.region_id, lambda: facts_of(section, request))


def facts_of(section, request):
    region_id = section.region_id
    none = Value(None, output_field=IntegerField())
    municipalities = (
        Municipality.objects.filter(region_id=region_id)
        .order_by()
        .annotate(
            kind=Value("kommun"),
            first=none,
            last=none,
            page_path=Value(None, output_field=CharField()),
            count=visible_case_studies_of(OuterRef("pk")),
        )
        .values_list("kind", "pk", "name", "slug", "first", "last", "page_path", "count")
    )
    projects = (
        shown_terms(Project)
        .filter(regions=region_id)
        .order_by()
        .annotate(
            kind=Value("projekt"),
            page_path=project_page_path(OuterRef("pk")),
            count=Value(0),
        )
        .values_list("kind", "pk", "name", "slug", "start_year", "end_year", "page_path", "count")
    )
    # All of the region's case studies, also one whose municipality is not yet set anew after
    # a move from another region (its region follows its section at once).
    total = (
        Region.objects.filter(pk=region_id)
        .order_by()
        .annotate(
            kind=Value("alla"),
            first=none,
            last=none,
            page_path=Value(None, output_field=CharField()),
            count=visible_case_studies_in(OuterRef("pk")),
        )
        .values_list("kind", "pk", "name", "slug", "first", "last", "page_path", "count")
    )
    facts = {"projects": [], "municipalities": [], "case_study_count": 0, "slug": ""}
    for kind, pk, name, slug, first, last, page_path, count in municipalities.union(
        projects, total, all=True
    ):
        if kind == "alla":
            facts["case_study_count"] = count
            facts["slug"] = slug  # for the link that follows the region (Bevaka)
        elif kind == "projekt":
            project = Project(pk=pk, name=name, slug=slug, start_year=first, end_year=last)
            url = url_from_path(page_path, request)
            facts["projects"].append({"project": project, "url": url})
        else:
            municipality = Municipality(pk=pk, name=name, slug=slug)
            facts["municipalities"].append({"municipality": municipality, "count": count})
    facts["projects"].sort(key=lambda i: (i["project"].start_year, i["project"].name))
    facts["municipalities"].sort(key=lambda i: (i["municipality"].name, i["municipality"].pk))
    facts["results"] = region_summary(region_id) if facts["case_study_count"] else None
    return facts


def visible_case_studies_in(region):
    """How many visible case studies are filed under `region` (an outer reference): a case
    study's region is its section's, kept so on save and move."""
    pages = visible(CaseStudyPage.objects.filter(regions=region))
    counted = pages.order_by().values("regions").annotate(count=Count("pk")).values("count")
    return Coalesce(Subquery(counted[:1]), 0)


@register.simple_tag(takes_context=True)
def region_sections(context, index_page):
    """The visible region sections below a case-study index, each with its title, address and
    number of visible case studies: one query (25 ms at 10,000 pages, so kept per content
    version and host), none for an index that cannot hold region sections."""
    if RegionSectionPage not in type(index_page).allowed_subpage_models():
        return []
    request = context.get("request")

    def links():
        sections = (
            visible(RegionSectionPage.objects.child_of(index_page))
            .annotate(count=visible_case_studies_in(OuterRef("region")))
            .order_by("region__sort_order", "region__name")
        )
        return [
            {"title": section.title, "url": section.get_url(request), "count": section.count}
            for section in sections
        ]

    host = request.get_host() if request is not None else ""
    return cached(request, "region-sections", (index_page.pk, host), links)
