"""The page a path routes to is kept per content version, site, language and path in each
process (pluginnovation.delivery.routes): a page asked for again is found without reading the
pages on its path, and a publish, unpublish, move or restriction is seen on the next request."""

import re

from django.contrib.auth.models import Group
from django.test import RequestFactory

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.delivery import routes
from pluginnovation.discovery import kept
from tests.discovery_support import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def caching(monkeypatch):
    from pluginnovation.discovery import cache as discovery_cache

    monkeypatch.setattr(routes, "caching_allowed", lambda: True)
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)


ROUTING = re.compile(r'.*"slug" =', re.S)  # a page looked up by its slug, as routing does
RESTRICTIONS = re.compile(r'SELECT (DISTINCT )?"wagtailcore_pageviewrestriction"\."id"')


def queries_of(client, django_assert_max_num_queries, url, status=200, kind=ROUTING):
    """The queries of a request of this kind: routing, or reading the view restrictions as
    Wagtail's check does."""
    with django_assert_max_num_queries(60) as captured:
        response = client.get(url)
    assert response.status_code == status
    return [query["sql"] for query in captured if kind.match(query["sql"])]


def assert_sent_to_login(client, page):
    for _ in range(2):
        response = client.get(page.url)
        assert response.status_code == 302 and response["Location"].startswith("/logga-in/")


def test_a_page_asked_for_again_is_not_routed_again(client, caching, django_assert_max_num_queries):
    page = add_page(CaseStudyPage, "Zyxfallet")
    assert queries_of(client, django_assert_max_num_queries, page.url)
    assert not queries_of(client, django_assert_max_num_queries, page.url)
    # Its index and region section are kept on their own.
    section = page.get_parent()
    assert queries_of(client, django_assert_max_num_queries, section.url)
    assert not queries_of(client, django_assert_max_num_queries, section.url)


def test_each_request_gets_a_page_of_its_own(client, caching):
    page = add_page(MethodPage, "Zyxkopia")
    first = client.get(page.url).context["page"]
    first.title = "Ändrad av en förfrågan"
    second = client.get(page.url).context["page"]
    assert second.pk == first.pk and type(second) is MethodPage
    assert second.title == "Zyxkopia"


def test_an_unpublished_page_is_gone_on_the_next_request(client, caching):
    page = add_page(MethodPage, "Zyxavpublicerad")
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_new_address_is_followed_on_the_next_request(client, caching):
    page = add_page(MethodPage, "Zyxflyttad")
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.slug = "zyxny-adress"
    page.save_revision().publish()
    new = client.get(page.get_parent().url + "zyxny-adress/")
    assert new.status_code == 200 and new.context["page"].pk == page.pk
    assert client.get(old_url).status_code in (301, 302, 404)


def test_a_restriction_is_checked_on_a_kept_route(
    client, caching, django_assert_max_num_queries, django_user_model
):
    page = add_page(MethodPage, "Zyxbegränsad")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert_sent_to_login(client, page)
    assert not queries_of(client, django_assert_max_num_queries, page.url, status=302)
    client.force_login(django_user_model.objects.create_user("zyxlasare", password="x"))
    assert not queries_of(client, django_assert_max_num_queries, page.url)


def test_the_restrictions_are_read_with_the_route_and_a_new_one_applies_at_once(
    client, caching, django_assert_max_num_queries, django_user_model
):
    """Which restrictions apply is read once per content version with the route; whether the
    visitor meets them is still asked on every request. A restriction added or removed, on the
    page or above it, gives a new version, and the next request follows it."""
    page = add_page(MethodPage, "Zyxskyddad")

    def restriction_reads(status=200):
        return queries_of(client, django_assert_max_num_queries, page.url, status, RESTRICTIONS)

    assert restriction_reads()
    assert not restriction_reads()
    restriction = PageViewRestriction.objects.create(
        page=page.get_parent(), restriction_type="login"
    )
    assert_sent_to_login(client, page)
    assert not restriction_reads(status=302)
    # A visitor who meets the restriction is let in, from the same kept restrictions.
    client.force_login(django_user_model.objects.create_user("zyxinloggad", password="x"))
    assert not restriction_reads()
    # Only a group's members, read as the visitor asks: a group given the page later lets its
    # members in on their next request, the others not.
    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    assert client.get(page.url).status_code == 302
    group = Group.objects.create(name="Zyxläsare")
    restriction.groups.add(group)
    django_user_model.objects.get(username="zyxinloggad").groups.add(group)
    assert client.get(page.url).status_code == 200
    client.logout()
    restriction.delete()
    assert client.get(page.url).status_code == 200


def test_routes_are_kept_no_longer_than_other_cached_results(
    client, caching, django_assert_max_num_queries, monkeypatch
):
    """A new content version the shared cache did not take (Redis away for a moment) is seen
    within MAX_AGE here too."""
    page = add_page(MethodPage, "Zyxgammal")
    assert queries_of(client, django_assert_max_num_queries, page.url)
    monkeypatch.setattr(kept, "MAX_AGE", -1)
    assert queries_of(client, django_assert_max_num_queries, page.url)


def test_the_kept_route_is_the_languages_own(client, caching):
    swedish = client.get("/")
    english = client.get("/en/")
    assert swedish.status_code == english.status_code == 200
    assert swedish.context["page"].locale.language_code == "sv"
    assert english.context["page"].locale.language_code == "en"
    assert client.get("/").context["page"].locale.language_code == "sv"


def test_routable_pages_are_routed_each_time(client, caching):
    for _ in range(2):
        index = client.get("/aktuellt/")
        assert index.status_code == 200 and "/aktuellt/rss/" in index.content.decode()
        assert "xml" in client.get("/aktuellt/rss/")["Content-Type"]
        assert client.get("/aktuellt/2017/").status_code == 200
    assert len(routes.KEPT) == 0


def test_what_is_not_found_is_not_kept(caching):
    factory = RequestFactory()
    for number in range(routes.KEPT.size + 10):
        path = f"finns-inte-{number}/"
        assert routes.route(factory.get("/" + path), path) is None
    assert len(routes.KEPT) == 0


def test_the_number_kept_is_bounded(caching, monkeypatch):
    monkeypatch.setattr(routes.KEPT, "size", 3)
    factory = RequestFactory()
    pages = [add_page(MethodPage, f"Zyxsida {number}") for number in range(5)]
    for page in pages:
        path = page.url.lstrip("/")
        assert routes.route(factory.get(page.url), path).page.pk == page.pk
    assert len(routes.KEPT) == 3


def test_a_case_studys_results_are_kept_with_its_route(
    client, caching, django_assert_max_num_queries
):
    """The table of measured results is read with the route: a query on every request of a
    case study before. Published again with a changed result, the page shows it at once."""
    from casestudies.models import CaseStudyResult
    from tests.factories import CaseStudyResultFactory

    page = add_page(CaseStudyPage, "Zyxresultat")
    CaseStudyResultFactory(page=page, description="Närvaro i årskurs 9")
    result_reads = re.compile(r'SELECT .*"casestudies_casestudyresult"', re.S)

    def reads():
        return queries_of(client, django_assert_max_num_queries, page.url, kind=result_reads)

    assert reads()
    assert not reads()
    html = client.get(page.url).content.decode()
    assert "Närvaro i årskurs 9" in html and "92" in html

    CaseStudyResult.objects.filter(page=page).update(description="Närvaro i årskurs 8")
    CaseStudyPage.objects.get(pk=page.pk).save_revision().publish()  # a new content version
    html = client.get(page.url).content.decode()
    assert "Närvaro i årskurs 8" in html and "Närvaro i årskurs 9" not in html
