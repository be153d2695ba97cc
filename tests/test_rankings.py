"""A search's ranking is kept per bucket of pages (pluginnovation.discovery.rankings): after a
change only the changed bucket is ranked again, and the result is always the whole ranking's."""

from django.core.cache import cache

from wagtail.search.query import PlainText

import pytest

from methods.models import MethodPage
from pluginnovation.discovery import buckets, rankings
from pluginnovation.discovery.fulltext import searchable_pages
from tests.discovery_support import add_page, only_postgresql, record_calls, small_buckets

pytestmark = [pytest.mark.django_db, only_postgresql]

WORD = "zyxrankord"


@pytest.fixture
def small(monkeypatch):
    """Caching on, buckets of 4 page ids and rankings cut at 5 hits, so a few pages exercise
    every case: several buckets, cut rankings, hits moving across the cut."""
    small_buckets(monkeypatch, 4)
    monkeypatch.setattr(rankings, "MAX_HITS", 5)
    yield
    cache.clear()


@pytest.fixture
def ranked_pages(monkeypatch):
    """How many pages each ranking was made over."""
    return record_calls(monkeypatch, rankings, "rank", lambda _query, pages: pages.count())


def whole():
    hits, _cut = rankings.rank(PlainText(WORD), searchable_pages())
    return [(pk, content_type) for _score, pk, content_type in hits]


def kept():
    return rankings.best(PlainText(WORD), searchable_pages)


def page(n, times):
    """A page whose text holds the word `times` times: the more, the higher it ranks."""
    return add_page(MethodPage, f"Metod {n}", body=" ".join([WORD] * times + ["och annat"] * 5))


def made_best(changed, ranked_pages):
    """Publish `changed` with the word more often than any page has it; check that it leads
    the kept ranking, which is the whole ranking, and return how many pages were ranked
    again for it."""
    changed.body = [{"type": "paragraph", "value": f"<p>{' '.join([WORD] * 20)}</p>"}]
    changed.save_revision().publish()
    ranked_pages.clear()
    found = kept()
    assert found == whole() and found[0][0] == changed.pk
    return ranked_pages[0]


def test_after_each_change_the_ranking_is_the_whole_rankings(small, ranked_pages):
    pages = [page(n, 1 + n % 4) for n in range(12)]
    assert kept() == whole() and len(kept()) == 5

    ranked_pages.clear()
    assert kept() == whole()
    assert ranked_pages == [len(searchable_pages())]  # only the check above ranked anything

    # The best hit goes: the pages below the cut that move up are not known, so everything
    # is ranked again.
    best = MethodPage.objects.get(pk=kept()[0][0])
    best.unpublish()
    assert kept() == whole()

    # A page that was no hit becomes the best: its bucket alone is ranked again.
    assert made_best(pages[0], ranked_pages) <= buckets.SMALL_SIZE

    # A new page in a new bucket.
    newest = page(99, 30)
    assert kept() == whole() and kept()[0][0] == newest.pk


def test_a_ranking_of_every_match_is_merged_without_ranking_all_again(
    monkeypatch, small, ranked_pages
):
    monkeypatch.setattr(rankings, "MAX_HITS", 100)
    pages = [page(n, 1 + n % 3) for n in range(10)]
    kept()
    pages[3].unpublish()
    pages[5].title = "Metod omdöpt"
    pages[5].save_revision().publish()
    ranked_pages.clear()
    assert kept() == whole()
    assert all(count <= 2 * buckets.SMALL_SIZE for count in ranked_pages[:-1])
    assert pages[3].pk not in {pk for pk, _type in kept()}


def test_a_newly_restricted_page_leaves_a_kept_ranking(small):
    from wagtail.models import PageViewRestriction

    pages = [page(n, 1 + n % 4) for n in range(6)]
    assert pages[5].pk in {pk for pk, _type in kept()}
    PageViewRestriction.objects.create(page=pages[5].get_parent(), password="hemligt")
    assert pages[5].pk not in {pk for pk, _type in kept()}
    assert kept() == whole()


def test_rankings_are_kept_in_smaller_buckets_than_the_facet_index(monkeypatch, ranked_pages):
    """A publish ranks again only the few pages of its ranking bucket, also where the facet
    index's bucket holds many more; a new page is ranked too, though the highest page id is
    read again only when a new bucket of the facet index begins."""
    small_buckets(monkeypatch, 64, small_size=4)
    monkeypatch.setattr(rankings, "MAX_HITS", 5)
    pages = [page(n, 1 + n % 4) for n in range(12)]
    assert kept() == whole()

    assert made_best(pages[5], ranked_pages) <= 4

    newest = page(99, 30)
    ranked_pages.clear()
    found = kept()
    assert found == whole() and found[0][0] == newest.pk
    assert ranked_pages[0] <= 4
    # Every ranking bucket up to the end of the facet index's bucket of the highest id.
    numbers = buckets.versions(4)
    end = (newest.pk // 64 + 1) * 64
    assert {pk // 4 for pk in range(end)} == set(numbers)
    cache.clear()


def test_a_restriction_made_during_a_search_never_stays_in_a_kept_ranking(small, rf):
    from wagtail.models import PageViewRestriction

    from pluginnovation.discovery.fulltext import ranked
    from pluginnovation.discovery.listing import restricted_paths

    pages = [page(n, 1 + n) for n in range(3)]
    request = rf.get("/sok/")
    restricted_paths(request)  # the request has read the restrictions before the editor's
    PageViewRestriction.objects.create(page=pages[2], restriction_type="login")
    ranked(PlainText(WORD), searchable_pages(request), request)
    # A later search, on a ranking kept by the one above.
    assert pages[2].pk not in [pk for pk, _type in ranked(PlainText(WORD), None, rf.get("/"))]
