"""When Redis is away the site is slower, not broken.

Every cache (pages, discovery data, menus, rate limits, the content version) lives in Redis when
REDIS_URL is set. If it stops, restarts or is cut off, each cache operation fails as a cache
miss: pages are made from the database and served, never a 500, and the backend does not try
to connect again on every call while it is away. A change of content that could not be told to
Redis is told again once it is back, so no process goes on serving what was cached before it.
"""

import socket

from django.core.cache import caches
from django.test import override_settings

import pytest
import redis

from pluginnovation import cache_backends
from pluginnovation.discovery import cache as discovery_cache

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_at(port, db=0):
    return {
        "default": {
            "BACKEND": "pluginnovation.cache_backends.SharedRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/{db}",
            "KEY_PREFIX": "redis-down-test",
        }
    }


@pytest.fixture
def connects(monkeypatch):
    """Counts attempts to open a connection to Redis."""
    attempts = []
    original = redis.connection.AbstractConnection.connect

    def counting(self, *args, **kwargs):
        attempts.append(self.port)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(redis.connection.AbstractConnection, "connect", counting)
    return attempts


@pytest.fixture
def redis_down(settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 600
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    with override_settings(CACHES=redis_at(closed_port())):
        yield caches["default"]


def test_pages_are_served_while_redis_is_down(client, redis_down):
    for url in ["/", "/utforska/?faktor=samverkan", "/sok/?q=frånvaro", "/framgangsfaktorer/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Cache"] in ("miss", "bypass")
    assert "Kunskapsbank" in client.get("/").content.decode()


def test_forms_that_count_per_client_still_work_while_redis_is_down(client, redis_down):
    from pluginnovation.content.models import ContentPage

    page = ContentPage.objects.live().first()
    response = client.post(
        "/samling/spara/", {"sida": page.pk, "next": "/"}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code in (302, 303)


def test_operations_fail_as_misses_and_redis_is_not_asked_again_at_once(redis_down, connects):
    assert redis_down.get("a", "default") == "default"
    assert redis_down.get_many(["a", "b"]) == {}
    assert redis_down.add("a", 1) is False
    redis_down.set("a", 1)
    assert redis_down.has_key("a") is False
    with pytest.raises(ValueError):
        redis_down.incr("a")
    # One failed connection, then nothing until RETRY_SECONDS have passed.
    assert len(connects) == 1
    for _ in range(50):
        redis_down.get("a")
    assert len(connects) == 1


def test_redis_is_asked_again_after_a_pause(redis_down, connects, monkeypatch):
    redis_down.get("a")
    clock = cache_backends.time.monotonic()
    monkeypatch.setattr(
        cache_backends.time, "monotonic", lambda: clock + cache_backends.RETRY_SECONDS + 1
    )
    redis_down.get("a")
    assert len(connects) == 2


def test_a_content_change_redis_missed_is_told_again_when_it_is_back(monkeypatch, settings):
    try:
        redis.Redis(port=6379, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("needs Redis on 127.0.0.1:6379 (.ci/run starts it)")
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    port = closed_port()
    with override_settings(CACHES=redis_at(port)):
        discovery_cache.bump()  # Redis away: the new version is lost
        assert discovery_cache.bump_pending()
    # Redis back (here: the real one, holding the version from before the change).
    with override_settings(CACHES=redis_at(6379)):
        real = caches["default"]
        real.set(discovery_cache.VERSION_KEY, "before-the-change", None)
        version = discovery_cache.content_version()
        assert version != "before-the-change"
        assert not discovery_cache.bump_pending()
        assert real.get(discovery_cache.VERSION_KEY) == version
        real.delete(discovery_cache.VERSION_KEY)


def test_a_page_served_through_the_page_cache_tells_a_missed_change_again(
    client, monkeypatch, settings
):
    """An anonymous page request reads the version beside its page in one round trip; it too
    sends a version that could not be stored, before anything is served under the old one."""
    try:
        redis.Redis(port=6379, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("needs Redis on 127.0.0.1:6379 (.ci/run starts it)")
    from pluginnovation.delivery import pagecache

    settings.PAGE_CACHE_SECONDS = 600
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    monkeypatch.setattr(pagecache, "caching_allowed", lambda: True)
    with override_settings(CACHES=redis_at(closed_port())):
        discovery_cache.bump()
        assert discovery_cache.bump_pending()
    # A database of its own: the pages this stores are removed with it at the end.
    with override_settings(CACHES=redis_at(6379, db=15)):
        real = caches["default"]
        real.set(discovery_cache.VERSION_KEY, "before-the-change", None)
        try:
            assert client.get("/om/").status_code == 200
            assert not discovery_cache.bump_pending()
            assert real.get(discovery_cache.VERSION_KEY) not in (None, "before-the-change")
        finally:
            real.clear()
