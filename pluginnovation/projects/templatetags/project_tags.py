"""Projects and places on the case-study pages: what a region section says about its region
(projects, municipalities, whether it has case studies yet) and the links from /fallstudier/
to every region section."""

import re

from django import template
from django.db.models import Count

from casestudies.models import CaseStudyPage, RegionSectionPage
from pluginnovation.content.visibility import visible
from pluginnovation.projects.models import ProjectPage
from pluginnovation.taxonomy.models import Municipality, Project

register = template.Library()

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9”\"])")


@register.filter
def first_sentence(text):
    """The first sentence of a text, for one-line summaries in lists."""
    text = " ".join(str(text or "").split())
    return SENTENCE_END.split(text, maxsplit=1)[0]


def case_studies_per_municipality(region_id):
    """{municipality id: number of visible case studies} in a region: one query."""
    rows = (
        visible(CaseStudyPage.objects.filter(municipality__region_id=region_id))
        .order_by()
        .values_list("municipality_id")
        .annotate(count=Count("pk"))
    )
    return dict(rows)


@register.simple_tag(takes_context=True)
def region_facts(context, section):
    """What a region section shows about its region: the projects it took part in (with
    their visible project pages), its municipalities with their numbers of case studies,
    and the number of visible case studies in all. Three queries."""
    request = context.get("request")
    region_id = section.region_id
    projects = list(Project.objects.filter(regions=region_id))
    pages = (
        {
            page.project_id: page
            for page in visible(ProjectPage.objects.filter(project__in=projects)).only(
                "url_path", "path", "depth", "project_id", "title"
            )
        }
        if projects
        else {}
    )
    counts = case_studies_per_municipality(region_id)
    municipalities = [
        {"municipality": municipality, "count": counts.get(municipality.pk, 0)}
        for municipality in Municipality.objects.filter(region_id=region_id).only("name", "slug")
    ]
    return {
        "projects": [
            {
                "project": project,
                "url": pages[project.pk].get_url(request) if project.pk in pages else None,
            }
            for project in projects
        ],
        "municipalities": municipalities,
        "case_study_count": sum(counts.values()),
    }


@register.simple_tag(takes_context=True)
def region_sections(context, index_page):
    """The visible region sections below a case-study index, each with its number of visible
    case studies: two queries, none for an index that cannot hold region sections."""
    if RegionSectionPage not in type(index_page).allowed_subpage_models():
        return []
    request = context.get("request")
    sections = list(
        visible(RegionSectionPage.objects.child_of(index_page))
        .select_related("region")
        .order_by("region__sort_order", "region__name")
    )
    if not sections:
        return []
    counts = dict(
        visible(CaseStudyPage.objects.filter(municipality__region__in=[s.region for s in sections]))
        .order_by()
        .values_list("municipality__region_id")
        .annotate(count=Count("pk"))
    )
    return [
        {
            "section": section,
            "url": section.get_url(request),
            "count": counts.get(section.region_id, 0),
        }
        for section in sections
    ]
