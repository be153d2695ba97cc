"""The discovery cache: results are reused until the content changes."""

from django.core.cache import cache

from wagtail.models import Page, PageLogEntry

import pytest

from methods.models import MethodPage
from pluginnovation.discovery import buckets
from pluginnovation.discovery import cache as discovery_cache
from tests.discovery_support import add_page
from tests.factories import MethodPageFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def caching(monkeypatch):
    """Caching as on the running site (tests run inside a transaction, which turns it off)."""
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    cache.clear()
    yield
    cache.clear()


def count_queries(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(100) as captured:
        response = client.get(url)
    return response, len(captured)


def test_nothing_is_cached_inside_a_transaction():
    assert discovery_cache.caching_allowed() is False
    calls = []
    discovery_cache.cached(None, "test", 1, lambda: calls.append(1))
    discovery_cache.cached(None, "test", 1, lambda: calls.append(1))
    assert calls == [1, 1]


def test_a_repeated_listing_is_served_from_the_cache(
    client, caching, django_assert_max_num_queries
):
    pages = [add_page(MethodPage, f"Listad metod {n}", tags=["cachelista"]) for n in (1, 2)]
    url = "/utforska/?tagg=cachelista&typ=metod"
    first, cold = count_queries(client, url, django_assert_max_num_queries)
    second, warm = count_queries(client, url, django_assert_max_num_queries)
    assert warm < cold
    assert first.context["result_count"] == second.context["result_count"] == 2
    assert set(first.context["items"]) == set(pages)
    assert [p.pk for p in second.context["items"]] == [p.pk for p in first.context["items"]]
    assert [p.pk for p in second.context["items"]] == [p.pk for p in first.context["items"]]


def test_saving_content_makes_the_cache_stale(client, caching):
    url = "/utforska/?tagg=cachetest"
    add_page(MethodPage, "Cachad metod", tags=["cachetest"])
    assert client.get(url).context["result_count"] == 1
    assert client.get(url).context["result_count"] == 1
    add_page(MethodPage, "Ny cachad metod", tags=["cachetest"])
    assert client.get(url).context["result_count"] == 2


def test_every_logged_editor_action_makes_the_cache_stale(caching):
    page = MethodPageFactory()
    before = discovery_cache.content_version()
    PageLogEntry.objects.log_action(page, "wagtail.publish")
    assert discovery_cache.content_version() != before


def test_a_new_version_from_another_process_is_seen_on_the_next_request(client, caching):
    """The version lives in the shared cache: what another app server writes there is what
    this one reads, with no signal in this process."""
    url = "/utforska/?tagg=annanprocess"
    page = add_page(MethodPage, "Metod som avpubliceras", tags=["annanprocess"])
    assert client.get(url).context["result_count"] == 1
    # Another server unpublishes the page: here only the row changes (update() sends no signal)
    Page.objects.filter(pk=page.pk).update(live=False)
    assert client.get(url).context["result_count"] == 1
    # ... and that server's commit writes a new version into the shared cache, and one for
    # the page's bucket of each size.
    cache.set(discovery_cache.VERSION_KEY, "written-by-another-server")
    for size in buckets.sizes():
        cache.set(buckets.version_key(size, page.pk // size), "written-by-another-server")
    assert client.get(url).context["result_count"] == 0


def test_the_version_changes_again_when_the_transaction_commits(
    caching, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        TargetGroupFactory(name="Ny målgrupp")
        during = discovery_cache.content_version()
    assert callbacks
    for callback in callbacks:
        callback()
    assert discovery_cache.content_version() != during


def test_a_detail_pages_categories_follow_a_renamed_term(client, caching):
    group = TargetGroupFactory(name="Målgrupp före")
    page = add_page(MethodPage, "Metod med målgrupp", target_groups=[group])
    assert "Målgrupp före" in client.get(page.url).content.decode()
    group.name = "Omdöpt målgrupp"
    group.save()
    html = client.get(page.url).content.decode()
    assert "Omdöpt målgrupp" in html and "Målgrupp före" not in html


def test_a_deployment_starts_a_new_version(caching):
    """`migrate` runs with every deployment: pages cached by the old templates go."""
    from django.core.management import call_command

    before = discovery_cache.content_version()
    call_command("migrate", verbosity=0)
    assert discovery_cache.content_version() != before


def test_at_commit_the_buckets_are_renewed_before_the_content_version(
    caching, monkeypatch, django_capture_on_commit_callbacks
):
    """A request that reads the new content version must also read the pages' new bucket
    versions: otherwise it caches, under the new content version, hits or words made from the
    rows before the commit (kept under the old bucket versions), until the next change."""
    page = add_page(MethodPage, "Metod som byter namn")
    written = []
    real_set = cache.set
    monkeypatch.setattr(
        cache,
        "set",
        lambda key, *args, **kwargs: written.append(key) or real_set(key, *args, **kwargs),
    )
    # A bare save, as a script would make it: no logged action renews the version after it.
    page.title = "Metod med nytt namn"
    with django_capture_on_commit_callbacks() as callbacks:
        page.save()
    written.clear()
    for callback in callbacks:
        callback()
    last_content = max(i for i, key in enumerate(written) if key == discovery_cache.VERSION_KEY)
    for size in buckets.sizes():
        key = buckets.version_key(size, page.pk // size)
        assert key in written and written.index(key) < last_content
        assert max(i for i, k in enumerate(written) if k == key) < last_content
