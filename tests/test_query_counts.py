"""SQL queries per page stay bounded: the same ceiling for every page type (listings, factor
pages, search and detail pages) with the demo content and with ten times as many pages
(generated in bulk by bench/content.py).

Each address is requested once before it is measured, so process-wide caches (content types,
site root paths) are warm, as they are on a running site. Tests run inside a transaction, where
the discovery cache is off, so these are the counts of a cache miss; the last test measures the
cached path too.
"""

from django.core.cache import cache

import pytest

from bench.content import generate_content
from casestudies.models import CaseStudyPage, RegionSectionPage
from methods.models import MethodPage
from pluginnovation.content.models import ContentPage
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.discovery.related import related_pages
from research.models import ResearchArticlePage
from tests.query_ceiling import CEILING, measure

pytestmark = pytest.mark.django_db

# Related content reads the scores and the pages in one query (the cards' factors come with
# the detail page's own).
RELATED_CEILING = 1


def listing_urls():
    section = RegionSectionPage.objects.get(region__slug="gr")
    return [
        "/",
        "/forskning/?faktor=samverkan&niva=individ",
        "/fallstudier/",
        f"{section.url}?faktor=uppfoljning",
        "/metoder/?sida=2",
        "/metoder/?ordning=evidens&kunskapsgrund=vetenskaplig-grund",
        "/utforska/?typ=metod&evidens=3&ordning=insats",
        "/utforska/?faktor=samverkan&typ=fallstudie&insatstyp=forebyggande",
        "/utforska/?kommun=finns-inte",
        "/framgangsfaktorer/",
        "/framgangsfaktorer/samverkan/",
        "/sok/?q=frånvaro",
        "/sok/?q=elever+skolan&faktor=samverkan&typ=metod",
        "/sok/?q=qwxzvyq",
        # Names filters (pluginnovation.discovery.term_search).
        "/sok/?q=nyanlända+samverkan",
        "/en/sok/?q=preventive",
        # Misspelt: on PostgreSQL found through the trigram match on titles.
        "/sok/?q=blockläsnig",
        "/resultat/?indikator=avbrott&region=kalmar-lan&faktor=finns-inte",
    ]


def detail_pages():
    return [model.objects.live().order_by("pk").first() for model in DETAIL_MODELS]


DETAIL_MODELS = [ResearchArticlePage, CaseStudyPage, MethodPage]


def test_queries_per_page_do_not_grow_with_the_content(client, django_assert_max_num_queries):
    details = detail_pages()
    detail_urls = [page.url for page in details]
    small = measure(client, django_assert_max_num_queries, listing_urls(), CEILING)
    small_details = measure(client, django_assert_max_num_queries, detail_urls, CEILING)
    for page in details:
        with django_assert_max_num_queries(RELATED_CEILING):
            related_pages(page)

    before = ContentPage.objects.count()
    generate_content(9 * before, seed=10)
    assert ContentPage.objects.live().count() >= 10 * before

    large = measure(client, django_assert_max_num_queries, listing_urls(), CEILING)
    large_details = measure(client, django_assert_max_num_queries, detail_urls, CEILING)
    for page in details:
        with django_assert_max_num_queries(RELATED_CEILING):
            assert len(related_pages(page)) == 5
    # The detail pages' cost does not move with the amount of content at all: the related
    # pages are read in one query, whatever their types.
    assert large_details == small_details
    small.update(small_details)
    large.update(large_details)
    print("queries at 1x and 10x:", {url: (small[url], large[url]) for url in small})


def test_the_cached_path_stays_within_the_ceiling(
    client, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    cache.clear()
    urls = listing_urls() + [page.url for page in detail_pages()]
    # measure() requests each address twice: the first fills the cache, the second is counted.
    small = measure(client, django_assert_max_num_queries, urls, CEILING)
    first_requests_after_an_edit(client, django_assert_max_num_queries, urls)
    generate_content(9 * ContentPage.objects.count(), seed=11)
    large = measure(client, django_assert_max_num_queries, urls, CEILING)
    first_requests_after_an_edit(client, django_assert_max_num_queries, urls)
    cache.clear()
    for url in urls:
        assert large[url] <= small[url] + 1, (url, small[url], large[url])


def first_requests_after_an_edit(client, django_assert_max_num_queries, urls):
    """Right after an editor publishes a content page every discovery result is computed again
    (and the content version read); the menu and footer, which that edit does not touch, stay."""
    page = ContentPage.objects.live().order_by("pk").first().specific
    page.save_revision().publish()
    for url in urls:
        with django_assert_max_num_queries(CEILING, info=url):
            client.get(url)
