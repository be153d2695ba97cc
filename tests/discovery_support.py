"""Shared set-up for the discovery tests (listings, facets, search, related content).

add_page() puts each page under a new, empty index of its own below the site's root (a case
study under a new region section), so it is reachable by URL and shares nothing with the demo
site; pages that must share an index are given it as `parent` (see tests/factories.py).
"""

import datetime

from django.db import connection

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.taxonomy.models import Project, SuccessFactor
from research.models import ResearchArticlePage
from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    MethodIndexPageFactory,
    MethodPageFactory,
    RegionSectionPageFactory,
    ResearchArticlePageFactory,
    ResearchIndexPageFactory,
    site_root,
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
    """A new index for a page of `model` under the site's root."""
    root = site_root()
    if model is ResearchArticlePage:
        return ResearchIndexPageFactory(parent=root)
    if model is CaseStudyPage:
        return RegionSectionPageFactory(parent=CaseStudyIndexPageFactory(parent=root))
    return MethodIndexPageFactory(parent=root)


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
    blocks=(),
    **fields,
):
    """A content page under a new index (or `parent`), indexed for search.

    factors and projects are slugs; tags are keyword names; blocks are body blocks (raw data)
    after the paragraph of `body`.
    """
    return FACTORIES[model](
        parent=parent or default_parent(model),
        title=title,
        summary=summary,
        body=([{"type": "paragraph", "value": f"<p>{body}</p>"}] if body else []) + list(blocks),
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


def record_calls(monkeypatch, module, name, what):
    """Stand in for module.name, which still does its work, and return the list of
    what(*args) for each call."""
    seen = []
    original = getattr(module, name)

    def spy(*args):
        seen.append(what(*args))
        return original(*args)

    monkeypatch.setattr(module, name, spy)
    return seen


def keep_per_version(monkeypatch):
    """What each process keeps for the content version (sites, routes, cards, discovery
    results) kept as on the running site: tests run inside a transaction, which turns keeping
    off. tests/conftest.py empties what was kept before each test."""
    from pluginnovation.delivery import routes, sites
    from pluginnovation.discovery import cache as discovery_cache
    from pluginnovation.home import cards

    for module in (cards, routes, sites, discovery_cache):
        monkeypatch.setattr(module, "caching_allowed", lambda: True)


def small_buckets(monkeypatch, size, small_size=None):
    """Caching as on the running site (tests run inside a transaction, which turns it off),
    with buckets of `size` page ids (pluginnovation.discovery.buckets; the rankings' of
    `small_size`, by default the same), so a few pages fill several."""
    from django.core.cache import cache, caches

    from pluginnovation.discovery import buckets, facet_index
    from pluginnovation.discovery import cache as discovery_cache

    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    monkeypatch.setattr(buckets, "INDEX_SIZE", size)
    monkeypatch.setattr(buckets, "SMALL_SIZE", small_size or size)
    # What this process read before, under the sizes of another test.
    monkeypatch.setattr(facet_index, "_latest", {})
    # PostgreSQL's page ids grow through a test run (a sequence is not rolled back with the
    # test's transaction): small buckets of them are more versions than the memory cache keeps
    # by default (300), which would evict them, as Redis does not here.
    monkeypatch.setattr(caches["default"], "_max_entries", 10**6)
    cache.clear()
