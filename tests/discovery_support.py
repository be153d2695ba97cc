"""Shared set-up for the discovery tests (listings, facets, search, related content).

add_page() puts a page under the site's own index pages by default, with words and keywords the
site does not use. New tests build their own tree instead (tests/factories.py) and pass its
index as `parent`.
"""

import datetime

from django.db import connection

import pytest

from casestudies.models import CaseStudyPage, RegionSectionPage
from methods.models import MethodIndexPage, MethodPage
from pluginnovation.taxonomy.models import Project, SuccessFactor
from research.models import ResearchArticlePage, ResearchIndexPage
from tests.factories import (
    CaseStudyPageFactory,
    MethodPageFactory,
    ResearchArticlePageFactory,
)

only_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Swedish stemming, field weights and trigram typo tolerance exist only in "
    "PostgreSQL's full-text search; SQLite's FTS5 matches whole words (see docs/search.md).",
)

FACTORIES = {
    ResearchArticlePage: ResearchArticlePageFactory,
    CaseStudyPage: CaseStudyPageFactory,
    MethodPage: MethodPageFactory,
}


def default_parent(model):
    if model is ResearchArticlePage:
        return ResearchIndexPage.objects.first()
    if model is CaseStudyPage:
        return RegionSectionPage.objects.get(region__slug="gr")
    return MethodIndexPage.objects.first()


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
    """A content page under the site's index (or `parent`), indexed for search.

    factors and projects are slugs; tags are keyword names.
    """
    return FACTORIES[model](
        parent=parent or default_parent(model),
        title=title,
        summary=summary,
        body=[{"type": "paragraph", "value": f"<p>{body}</p>"}] if body else [],
        published_date=published or datetime.date(2024, 1, 15),
        live=live,
        factors=list(SuccessFactor.objects.filter(slug__in=factors)),
        projects=list(Project.objects.filter(slug__in=projects)),
        tags=list(tags),
        **fields,
    )


def listed(response):
    """The pages of a listing or search response, in order."""
    return list(response.context["items"].object_list)
