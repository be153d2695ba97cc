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

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import override_settings
from django.utils.functional import SimpleLazyObject

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

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


def owned_and_locked(page):
    """The page with an editor as its owner and locker, read with them (select_related)."""
    editor = get_user_model().objects.create_user(
        "redaktor", email="redaktor.hemlig@example.org", password="x-Lösenord-7"
    )
    Page.objects.filter(pk=page.pk).update(owner=editor, locked=True, locked_by=editor)
    return Page.objects.select_related("owner", "locked_by", "latest_revision").get(pk=page.pk)


@pytest.mark.parametrize("name", ["memory", "files", "redis"])
def test_a_page_is_stored_without_its_draft_and_its_editors(
    name, tmp_path, django_assert_num_queries
):
    if name == "redis" and not redis_is_up():
        pytest.skip("no Redis on 127.0.0.1:6379")
    page = owned_and_locked(with_draft(add_page(MethodPage, "Publicerad rubrik")))
    assert page.draft_title == DRAFT_TITLE and page.has_unpublished_changes
    assert page.owner.email and page.latest_revision.content["title"] == DRAFT_TITLE
    with override_settings(CACHES=backends(tmp_path)):
        backend = caches[name]
        # Deep inside the value, as the discovery cache keeps it, and behind a lazy object.
        value = {"latest": [page], "pair": (1, page), "lazy": SimpleLazyObject(lambda: page)}
        backend.set("found", value)
        stored = stored_bytes(name, backend, "found")
        found = backend.get("found")
        backend.delete("found")

    assert DRAFT_TITLE.encode() not in stored
    assert b"redaktor" not in stored and b"pbkdf2" not in stored
    kept = found["latest"][0]
    assert found["pair"][1].pk == found["lazy"].pk == page.pk
    assert found["lazy"].draft_title == "Publicerad rubrik"
    # A whole public copy: nothing left to read from the database, not even for its type.
    with django_assert_num_queries(0):
        assert kept.title == kept.draft_title == "Publicerad rubrik"
        assert kept.url_path == page.url_path
        assert not kept.has_unpublished_changes and not kept.locked
        for field, stand_in in PAGE_FIELDS_NOT_SHARED.items():
            assert getattr(kept, field) == stand_in, field
    assert type(kept.specific_deferred) is MethodPage
    # The page in hand is untouched: only the stored copy differs.
    assert page.draft_title == DRAFT_TITLE and page.owner_id and page.locked


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
