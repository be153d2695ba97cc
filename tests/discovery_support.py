"""Shared set-up for the discovery tests (listings, facets, search, related content).

Tests add the pages they assert on under the demo's index pages, with words and keywords the
demo does not use, so they do not depend on the demo's exact content.
"""

import datetime
import itertools

from django.db import connection
from django.utils.text import slugify

from wagtail.search.backends import get_search_backend

import pytest

from casestudies.models import CaseStudyPage, RegionSectionPage
from methods.models import MethodIndexPage
from pluginnovation.taxonomy.models import Project, SuccessFactor
from research.models import ResearchArticlePage, ResearchIndexPage

only_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Swedish stemming, field weights and trigram typo tolerance exist only in "
    "PostgreSQL's full-text search; SQLite's FTS5 matches whole words (see docs/search.md).",
)

_serial = itertools.count(1)


def type_fields(model, parent):
    if model is ResearchArticlePage:
        return {
            "authors": "Testförfattare",
            "year": 2019,
            "publisher": "Testförlaget",
            "key_findings": "<p>Resultat.</p>",
        }
    if model is CaseStudyPage:
        return {
            "municipality": parent.region.municipalities.first(),
            "organisation": "Testgymnasiet",
            "period": "2016–2018",
            "what_was_done": "<p>Insatsen.</p>",
            "lessons_learned": "<p>Lärdomar.</p>",
        }
    return {
        "purpose": "Syftet.",
        "audience": "Mentorer.",
        "steps": [{"type": "step", "value": {"title": "Steg 1", "text": "<p>Gör så.</p>"}}],
        "time_and_resources": "En timme.",
    }


def default_parent(model):
    if model is ResearchArticlePage:
        return ResearchIndexPage.objects.get()
    if model is CaseStudyPage:
        return RegionSectionPage.objects.get(region__slug="gr")
    return MethodIndexPage.objects.get()


def add_page(
    model,
    title,
    *,
    parent=None,
    summary="En kort sammanfattning.",
    body="",
    factors=("samverkan",),
    tags=(),
    projects=(),
    published=None,
    live=True,
    **fields,
):
    """A content page under the demo's index (or `parent`), indexed for search."""
    parent = parent or default_parent(model)
    page = model(
        title=title,
        slug=f"{slugify(title)[:50]}-{next(_serial)}",
        summary=summary,
        body=[{"type": "paragraph", "value": f"<p>{body}</p>"}] if body else [],
        published_date=published or datetime.date(2024, 1, 15),
        live=live,
        **{**type_fields(model, parent), **fields},
    )
    page.factors = list(SuccessFactor.objects.filter(slug__in=factors))
    page.projects = list(Project.objects.filter(slug__in=projects))
    parent.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
        page.save()
    # Index once more now that the keywords and categories are saved.
    get_search_backend().add(page)
    return page


def listed(response):
    """The pages of a listing or search response, in order."""
    return list(response.context["items"].object_list)
