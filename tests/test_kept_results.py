"""A discovery result (facet counts, a page of results, search hits, related pages) is read from
the shared cache once per content version in each process, then kept there
(pluginnovation.discovery.cache.cached): an uncached listing asked for again makes no round trip
to Redis for it. The content version is still read from the shared cache on every request, so a
change made through another process is seen on the next request."""

import datetime
import re
import time

from django.core.cache import cache, caches
from django.test import RequestFactory

import pytest

from methods.models import MethodPage
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.discovery import kept
from tests.discovery_support import add_page, keep_per_version

pytestmark = pytest.mark.django_db

NEWEST = datetime.date(2030, 1, 1)


@pytest.fixture
def caching(monkeypatch):
    keep_per_version(monkeypatch)


@pytest.fixture
def shared_reads(monkeypatch):
    """The keys of discovery results read from the shared cache."""
    seen = []
    backend = type(caches["default"])
    get, get_many = backend.get, backend.get_many

    def spy_get(self, key, *args, **kwargs):
        if key.startswith("discovery:"):
            seen.append(key)
        return get(self, key, *args, **kwargs)

    def spy_get_many(self, keys, *args, **kwargs):
        seen.extend(key for key in keys if key.startswith("discovery:"))
        return get_many(self, keys, *args, **kwargs)

    monkeypatch.setattr(backend, "get", spy_get)
    monkeypatch.setattr(backend, "get_many", spy_get_many)
    return seen


def request():
    return RequestFactory().get("/")


def test_a_result_is_read_from_the_shared_cache_once_per_version(caching, shared_reads):
    computed = []

    def compute():
        computed.append(1)
        return {"hits": [1, 2, 3]}

    assert discovery_cache.cached(request(), "test", "key", compute) == {"hits": [1, 2, 3]}
    assert len(computed) == 1
    shared_reads.clear()
    for _ in range(3):
        assert discovery_cache.cached(request(), "test", "key", compute) == {"hits": [1, 2, 3]}
    assert shared_reads == [] and len(computed) == 1


def test_another_process_publishing_is_seen_on_the_next_request(caching, shared_reads):
    values = iter(["before", "after"])
    assert discovery_cache.cached(request(), "test", "key", lambda: next(values)) == "before"
    # Another app server's publish: a new version in the shared cache, nothing in this process.
    cache.set(discovery_cache.VERSION_KEY, discovery_cache.new_version(), None)
    assert discovery_cache.cached(request(), "test", "key", lambda: next(values)) == "after"


def test_what_one_request_changes_does_not_reach_the_next(caching):
    first = discovery_cache.cached(request(), "test", "key", lambda: {"hits": [1]})
    first["hits"].append(666)
    assert discovery_cache.cached(request(), "test", "key", lambda: {"hits": [2]}) == {"hits": [1]}


def test_nothing_is_kept_while_the_shared_cache_has_no_version(caching, monkeypatch):
    # Redis away: no version to keep anything under, so nothing outlives the outage.
    monkeypatch.setattr(discovery_cache, "read_version", lambda: None)
    discovery_cache.cached(request(), "test", "key", lambda: "during")
    assert len(discovery_cache.KEPT) == 0


def test_a_listing_asked_for_again_reads_no_result_from_the_shared_cache(
    client, caching, shared_reads
):
    page = add_page(MethodPage, "Zyxnärametoden", published=NEWEST)
    url = "/utforska/?faktor=samverkan"
    assert "Zyxnärametoden" in client.get(url).content.decode()
    shared_reads.clear()
    assert "Zyxnärametoden" in client.get(url).content.decode()
    assert shared_reads == []
    # An editor's publish: the listing is worked out anew on the next request.
    page.title = "Zyxnypublicerad"
    page.save_revision().publish()
    html = client.get(url).content.decode()
    assert re.search(r">Zyxnypublicerad</a>", html)
    assert shared_reads


def test_the_memory_a_process_keeps_is_bounded(caching, monkeypatch):
    monkeypatch.setattr(discovery_cache, "KEPT", kept.Kept(size=100, max_bytes=10_000))
    for number in range(50):
        discovery_cache.cached(request(), "test", number, lambda: "x" * 1_000)
    assert 0 < len(discovery_cache.KEPT) <= 10
    assert discovery_cache.KEPT.bytes <= 10_000
    # Something larger than the whole budget is not kept at all.
    discovery_cache.cached(request(), "test", "big", lambda: "y" * 20_000)
    assert discovery_cache.KEPT.bytes <= 10_000


def test_a_kept_page_is_the_public_copy_redis_holds(client, caching):
    page = add_page(MethodPage, "Zyxpublikt namn", published=NEWEST)
    # An editor's draft: the page row now carries the draft's title beside the live one.
    page.title = "Zyxhemligt utkast"
    page.save_revision()
    client.get("/utforska/")
    entries = discovery_cache.KEPT.entries(discovery_cache.read_version())
    kept = b"".join(pickled for pickled, _ends in entries.values())
    assert b"Zyxpublikt namn" in kept
    assert b"Zyxhemligt utkast" not in kept


def test_nothing_is_kept_past_max_age_from_when_it_was_computed(caching, monkeypatch):
    values = iter(["old", "new"])
    assert discovery_cache.cached(request(), "test", "key", lambda: next(values)) == "old"
    # Computed long ago by another process, read from Redis by this one just now.
    (key,) = discovery_cache.KEPT.entries(discovery_cache.read_version())
    stamped_at, value = cache.get(key)
    cache.set(key, (stamped_at - discovery_cache.MAX_AGE + 1, value))
    discovery_cache.KEPT.clear()
    assert discovery_cache.cached(request(), "test", "key", lambda: next(values)) == "old"
    # Two seconds later that value is past MAX_AGE: not served from this process any more.
    now = time.time()
    monkeypatch.setattr(kept.time, "time", lambda: now + 2)
    cache.delete(key)  # as Redis does when its MAX_AGE is over
    assert discovery_cache.cached(request(), "test", "key", lambda: next(values)) == "new"
