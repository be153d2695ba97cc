"""The request's Wagtail site is looked up once per content version and host in a process
(pluginnovation.delivery.sites), not with a query on every request."""

from django.core.cache import cache
from django.test import RequestFactory

from wagtail.models import Site

import pytest

from pluginnovation.delivery import sites

pytestmark = pytest.mark.django_db


@pytest.fixture
def caching(monkeypatch):
    monkeypatch.setattr(sites, "caching_allowed", lambda: True)
    sites.KEPT.clear()
    yield
    sites.KEPT.clear()


def site_queries(client, django_assert_max_num_queries, url="/"):
    with django_assert_max_num_queries(50) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured if '"wagtailcore_site"' in q["sql"]]


def test_the_site_is_read_once_per_content_version(client, caching, django_assert_max_num_queries):
    assert site_queries(client, django_assert_max_num_queries)
    assert not site_queries(client, django_assert_max_num_queries)
    assert not site_queries(client, django_assert_max_num_queries, "/forskning/")

    site = Site.objects.get(is_default_site=True)
    site.site_name = "Nytt namn"
    site.save()  # a new content version
    assert site_queries(client, django_assert_max_num_queries)


def test_each_request_gets_a_copy_of_its_own(caching):
    factory = RequestFactory()
    first = sites.site_for(factory.get("/"))
    first.site_name = "Ändrad av en förfrågan"
    second = sites.site_for(factory.get("/"))
    assert second.pk == first.pk
    assert second.site_name != first.site_name


def test_each_host_is_looked_up_on_its_own(caching, settings):
    settings.ALLOWED_HOSTS = ["*"]
    other = Site.objects.create(
        hostname="annan.example", root_page=Site.objects.get(is_default_site=True).root_page
    )
    factory = RequestFactory()
    assert sites.site_for(factory.get("/", HTTP_HOST="annan.example")).pk == other.pk
    assert sites.site_for(factory.get("/", HTTP_HOST="testserver")).is_default_site


@pytest.fixture
def root_path_reads(monkeypatch):
    """Counts Wagtail's reads of the sites' root paths (a shared-cache read, or queries)."""
    reads = []
    original = Site.get_site_root_paths

    def counting():
        reads.append(1)
        return original()

    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(counting))
    return reads


def test_the_sites_root_paths_are_read_once_per_content_version(client, caching, root_path_reads):
    """Every page address on a page (menu, cards, language links) needs them: Wagtail reads
    them from the shared cache once per request, a round trip to Redis."""
    assert client.get("/").status_code == 200
    assert root_path_reads
    root_path_reads.clear()
    assert client.get("/forskning/").status_code == 200
    assert client.get("/").status_code == 200
    assert not root_path_reads

    site = Site.objects.get(is_default_site=True)
    site.hostname = "kunskapsbank.example"
    site.save()  # a new content version
    response = client.get("/", HTTP_HOST="kunskapsbank.example")
    assert response.status_code == 200
    assert root_path_reads
    # Addresses made from the new root paths: the site's own, so relative.
    assert 'href="/forskning/"' in response.content.decode()


def test_each_request_gets_its_own_root_paths(caching):
    factory = RequestFactory()
    first = sites.root_paths_for(factory.get("/"))
    first.clear()
    assert sites.root_paths_for(factory.get("/"))


def test_root_paths_stored_again_before_a_sites_commit_are_not_kept(
    client, caching, django_capture_on_commit_callbacks, settings
):
    """Wagtail empties its shared copy of the root paths when a site is saved, inside the
    editor's transaction; a request in another process may store the old rows again before the
    commit, for an hour. The copy is emptied again at the commit, with a new content version."""
    settings.ALLOWED_HOSTS = ["*"]
    from wagtail.models.sites import (
        SITE_ROOT_PATHS_CACHE_KEY,
        SITE_ROOT_PATHS_CACHE_VERSION,
        SiteRootPath,
    )

    factory = RequestFactory()
    site = Site.objects.get(is_default_site=True)
    with django_capture_on_commit_callbacks(execute=True):
        site.hostname = "kunskapsbank.example"
        site.save()
        # Another process, before the commit: the old rows.
        old = [SiteRootPath(site.pk, site.root_page.url_path, "http://testserver", "sv")]
        cache.set(SITE_ROOT_PATHS_CACHE_KEY, old, 3600, version=SITE_ROOT_PATHS_CACHE_VERSION)
        assert sites.root_paths_for(factory.get("/"))[0].root_url == "http://testserver"
    renewed = sites.root_paths_for(factory.get("/"))
    assert {path.root_url for path in renewed} == {"http://kunskapsbank.example"}
    assert client.get("/", HTTP_HOST="kunskapsbank.example").status_code == 200
