"""What the shared cache keeps of a page is what its visitors may see.

The discovery cache keeps lists of pages (the home page's newest, search promotions, the menu)
pickled in Redis, a file folder or memory. A Django model pickles every field it has, and a
Wagtail page has fields about its drafts: the title of an unpublished draft (draft_title),
whether one exists, who owns and who locked the page. None of that may be stored beside public
data: each backend (pluginnovation.cache_backends) leaves those fields out of every page it
writes, wherever in the value the page sits.
"""

import pickle
import uuid
import zlib

from django.core.cache import caches
from django.test import override_settings

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest
import redis

from methods.models import MethodPage
from pluginnovation.cache_backends import PAGE_FIELDS_NOT_SHARED
from pluginnovation.discovery import cache as discovery_cache
from tests.discovery_support import add_page
from tests.factories import site_root

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Utkastets ännu opublicerade rubrik"


def with_draft(page):
    """The live page, with a newer draft whose title nobody outside the admin may see."""
    page.title = DRAFT_TITLE
    page.save_revision()
    return MethodPage.objects.get(pk=page.pk)


def backends(tmp_path):
    return {
        "memory": {"BACKEND": "pluginnovation.cache_backends.MemoryCache"},
        "files": {"BACKEND": "pluginnovation.cache_backends.FileCache", "LOCATION": str(tmp_path)},
        # Database 15: never the site's own (0), which a test must not empty.
        "redis": {
            "BACKEND": "pluginnovation.cache_backends.SharedRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": f"privacy-{uuid.uuid4().hex[:8]}",
        },
    }


def stored_bytes(name, backend, key):
    """The bytes the backend keeps for key, as written."""
    full_key = backend.make_key(key)
    if name == "memory":
        return backend._cache[full_key]
    if name == "files":
        with open(backend._key_to_file(key), "rb") as stored:
            pickle.load(stored)  # the expiry time
            return zlib.decompress(stored.read())
    return backend._cache.get_client(full_key).get(full_key)


def redis_is_up():
    try:
        return redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.5).ping()
    except Exception:
        return False


@pytest.mark.parametrize("name", ["memory", "files", "redis"])
def test_a_page_is_stored_without_its_draft_and_its_editors(name, tmp_path):
    if name == "redis" and not redis_is_up():
        pytest.skip("no Redis on 127.0.0.1:6379")
    page = with_draft(add_page(MethodPage, "Publicerad rubrik"))
    assert page.draft_title == DRAFT_TITLE and page.has_unpublished_changes
    with override_settings(CACHES=backends(tmp_path)):
        backend = caches[name]
        # Deep inside the value, as the discovery cache keeps it.
        backend.set("found", {"latest": [page], "pair": (1, page)})
        stored = stored_bytes(name, backend, "found")
        found = backend.get("found")
        backend.delete("found")

    assert DRAFT_TITLE.encode() not in stored
    kept = found["latest"][0]
    assert kept.title == "Publicerad rubrik" and kept.url_path == page.url_path
    assert found["pair"][1].pk == page.pk
    for field in PAGE_FIELDS_NOT_SHARED:
        assert field not in kept.__dict__, field
    # The page in hand is untouched: only the stored copy lacks them.
    assert page.draft_title == DRAFT_TITLE


def test_the_cached_home_page_and_promotions_hold_no_draft_title(client, monkeypatch, settings):
    """The two lists of whole pages the discovery cache kept before: the home page's newest
    pages and a search's promoted pages."""
    settings.CACHES = {"default": {"BACKEND": "pluginnovation.cache_backends.MemoryCache"}}
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    page = with_draft(add_page(MethodPage, "Utvald metod om närvaro"))
    query = Query.get("närvaro")
    SearchPromotion.objects.create(query=query, page=page, description="Redaktionens val.")

    home = client.get(site_root().url)
    search = client.get("/sok/", {"q": "närvaro"})

    assert home.status_code == search.status_code == 200
    assert "Utvald metod om närvaro" in search.content.decode()
    stored = caches["default"]._cache
    assert any(b"Utvald metod om n\xc3\xa4rvaro" in value for value in stored.values())
    assert not any(DRAFT_TITLE.encode() in value for value in stored.values())
    for response in (home, search):
        assert DRAFT_TITLE not in response.content.decode()
