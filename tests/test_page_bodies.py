"""A page cache entry holds its body's digest, not the body (pluginnovation.delivery.page_bodies):
the body is stored once per distinct body in the shared cache and kept by each process, so a
hit reads a few hundred bytes from Redis, not the page."""

import pickle

from django.core.cache import cache

import pytest

from pluginnovation.delivery import page_bodies, pagecache
from pluginnovation.discovery import cache as discovery_cache
from research.models import ResearchArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def caching(monkeypatch):
    monkeypatch.setattr(pagecache, "caching_allowed", lambda: True)
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    page_bodies.forget()
    yield
    page_bodies.forget()


@pytest.fixture
def article():
    return ResearchArticlePage.objects.live().public().first()


@pytest.fixture
def shared_reads(monkeypatch):
    """The keys each read of the shared cache asked for, and how many bytes came back."""
    reads = []
    for name in ("get", "get_many"):
        original = getattr(cache, name)

        def reading(keys, *args, _original=original, **kwargs):
            found = _original(keys, *args, **kwargs)
            reads.append((keys, found))
            return found

        monkeypatch.setattr(cache, name, reading)
    return reads


def body_reads(reads):
    keys = [key for keys, _ in reads for key in ([keys] if isinstance(keys, str) else keys)]
    return [key for key in keys if key.startswith("page-body:")]


def body_bytes(reads):
    """Bytes read from the shared cache, as they are stored there (pickled)."""
    values = [found for keys, found in reads if isinstance(keys, str)]
    values += [
        value for keys, found in reads if not isinstance(keys, str) for value in found.values()
    ]
    return sum(len(pickle.dumps(value)) for value in values if value is not None)


def test_a_hit_reads_the_entry_and_not_the_body(client, caching, article, shared_reads):
    first = client.get(article.url)
    assert first["X-Cache"] == "miss" and len(first.content) > 5000
    shared_reads.clear()
    second = client.get(article.url)
    assert second["X-Cache"] == "hit" and second.content == first.content
    assert shared_reads and not body_reads(shared_reads)
    assert body_bytes(shared_reads) < len(first.content) / 4


def test_another_process_reads_the_body_once(client, caching, article, shared_reads):
    first = client.get(article.url)
    page_bodies.forget()  # as in another app server, which never saw this body
    shared_reads.clear()
    assert client.get(article.url).content == first.content
    assert len(body_reads(shared_reads)) == 1
    assert body_bytes(shared_reads) > len(first.content)
    shared_reads.clear()
    assert client.get(article.url).content == first.content
    assert not body_reads(shared_reads)


def test_an_entry_whose_body_is_gone_is_made_again(client, caching, article):
    first = client.get(article.url)
    page_bodies.forget()
    cache.delete(page_bodies.body_key(page_bodies.digest(first.content)))
    again = client.get(article.url)
    assert again.status_code == 200 and again["X-Cache"] == "miss"
    assert again.content == first.content
    assert client.get(article.url)["X-Cache"] == "hit"


def test_what_a_process_keeps_is_bounded_by_size(caching, monkeypatch):
    monkeypatch.setattr(page_bodies, "MAX_BYTES", 2500)
    bodies = [bytes([n]) * 1000 for n in range(5)]
    for body in bodies:
        cache.set(page_bodies.body_key(page_bodies.digest(body)), body, 60)
        page_bodies.keep(page_bodies.digest(body), body)
    assert page_bodies.kept_bytes() <= 2500
    # The newest are kept; the oldest are read from the shared cache again.
    assert page_bodies.get(page_bodies.digest(bodies[-1])) == bodies[-1]
    assert page_bodies.get(page_bodies.digest(bodies[0])) == bodies[0]
    assert page_bodies.kept_bytes() <= 2500


def test_a_body_the_shared_cache_does_not_have_is_none(caching):
    assert page_bodies.get(page_bodies.digest(b"aldrig lagrad")) is None
