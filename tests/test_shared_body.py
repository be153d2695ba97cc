"""A page's body rendered once per address, language and content version for every visitor
(pluginnovation.discovery.fragments), never for a logged-in user, a preview, a draft or a
restricted page, and made anew after any change to the content."""

import re
from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, RequestFactory
from django.utils.module_loading import import_string

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import PageViewRestriction

import pytest

from methods.models import MethodPage
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.discovery import fragments
from tests.discovery_support import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def sharing(monkeypatch, settings):
    """Caching as on the running site (tests run inside a transaction, which turns it off),
    without the whole-page cache in front, which would answer before the view."""
    # Middleware that imports caching_allowed by name must bind the real one, not the
    # stand-in below, if this is the first request of the test run.
    for path in settings.MIDDLEWARE:
        import_string(path)
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    monkeypatch.setattr(fragments, "sharing_allowed", lambda: True)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def stored(monkeypatch):
    """The names of the fragments stored."""
    names = []
    real = fragments.put
    monkeypatch.setattr(
        fragments, "put", lambda r, name, html: names.append(name) or real(r, name, html)
    )
    return names


def body(response):
    html = response.content.decode()
    return html[html.index("<body") : html.index("</body>")]


def queries(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(100) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(captured)


@pytest.mark.parametrize("kind", ["listing", "search", "detail", "factor", "results"])
def test_the_second_visitor_gets_the_same_body_with_fewer_queries(
    client, sharing, stored, kind, django_assert_max_num_queries
):
    page = add_page(MethodPage, "Zyxdelad metod", tags=["zyxdelad"], body="Zyxdelad text.")
    url = {
        "listing": "/utforska/?tagg=zyxdelad",
        "search": "/sok/?q=zyxdelad",
        "detail": page.url,
        "factor": "/framgangsfaktorer/samverkan/",
        "results": "/resultat/?faktor=samverkan",
    }[kind]
    first, cold = queries(client, url, django_assert_max_num_queries)
    second, warm = queries(client, url, django_assert_max_num_queries)
    assert stored == ["body"]
    assert body(second) == body(first)
    assert kind == "results" or "Zyxdelad metod" in body(second)
    assert warm < cold


def test_a_publish_shows_on_the_next_request(client, sharing):
    add_page(MethodPage, "Zyxförsta", tags=["zyxny"])
    assert "Zyxförsta" in body(client.get("/utforska/?tagg=zyxny"))
    add_page(MethodPage, "Zyxandra", tags=["zyxny"])
    html = body(client.get("/utforska/?tagg=zyxny"))
    assert "Zyxförsta" in html and "Zyxandra" in html


def test_each_address_and_language_has_its_own_body(client, sharing):
    add_page(MethodPage, "Zyxadress", tags=["zyxadress"])
    swedish = body(client.get("/utforska/?tagg=zyxadress"))
    english = body(client.get("/en/utforska/?tagg=zyxadress"))
    other = body(client.get("/utforska/?tagg=zyxadress&typ=metod"))
    assert len({swedish, english, other}) == 3


def test_a_logged_in_editor_neither_gets_nor_leaves_a_shared_body(
    client, admin_user, sharing, stored
):
    page = add_page(MethodPage, "Zyxredaktör")
    client.force_login(admin_user)
    response = client.get(page.url)
    assert response.status_code == 200 and "Zyxredaktör" in body(response)
    assert stored == []
    client.logout()
    anonymous = client.get(page.url)
    assert stored == ["body"]
    assert "userbar" not in anonymous.content.decode()


def test_every_search_is_counted_also_when_its_body_is_cached(client, sharing):
    add_page(MethodPage, "Zyxräknad", body="Zyxräknad text.")
    for _ in range(3):
        client.get("/sok/", {"q": "zyxräknad"})
    assert Query.get("zyxräknad").hits == 3


def request_for(user=None, method="get", **attributes):
    request = getattr(RequestFactory(), method)("/")
    request.user = user or AnonymousUser()
    for name, value in attributes.items():
        setattr(request, name, value)
    return request


def test_a_listing_title_is_the_same_when_its_body_comes_from_the_cache(client, sharing):
    url = "/utforska/?faktor=samverkan&sida=2"
    titles = {
        re.search(r"<title>(.*?)</title>", client.get(url).content.decode()).group(1)
        for _ in range(2)
    }
    assert titles == {"Utforska allt innehåll (filtrerat), sida 2 – PlugInnovation"}


@pytest.mark.parametrize(
    "url, named",
    [("/utforska/?faktor=samverkan&sida=999", None), ("/sok/?q=elever&sida=2", ", sida 2 –")],
)
def test_a_later_pages_title_names_the_page_shown_when_its_body_is_cached(
    client, sharing, url, named
):
    """The body may come from the cache without the listing being worked out: the title
    still names the page shown, not the number asked for, nor no page at all."""
    titles = {
        re.search(r"<title>(.*?)</title>", client.get(url).content.decode()).group(1)
        for _ in range(2)
    }
    assert len(titles) == 1
    title = titles.pop()
    assert "999" not in title
    assert named is None or named in title


def test_a_body_with_a_csrf_token_is_never_shared(sharing):
    """Wagtail's password form, asked for with a public page's id, renders that page's
    template context; its form's token is the visitor's own."""
    protected = add_page(MethodPage, "Zyxskyddad")
    restriction = PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="solros-42"
    )
    public = add_page(MethodPage, "Zyxoffentlig")
    url = f"/_util/authenticate_with_password/{restriction.pk}/{public.pk}/?x=1"
    tokens = []
    for visitor in (Client(), Client()):
        visitor.get(public.url)
        html = visitor.get(url).content.decode()
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1))
    # Each visitor's own secret, not the first one's kept for the next.
    assert _unmask_cipher_token(tokens[0]) != _unmask_cipher_token(tokens[1])


def test_only_public_live_pages_for_anonymous_reads_are_shared(sharing, admin_user):
    page = add_page(MethodPage, "Zyxöppen")
    draft = add_page(MethodPage, "Zyxutkast", live=False)
    hidden = add_page(MethodPage, "Zyxskyddad")
    assert fragments.shareable(request_for(), page)
    assert fragments.shareable(request_for(), None)
    assert not fragments.shareable(request_for(), draft)
    assert not fragments.shareable(request_for(is_preview=True), page)
    assert not fragments.shareable(request_for(admin_user), page)
    assert not fragments.shareable(request_for(method="post"), page)
    PageViewRestriction.objects.create(page=hidden.get_parent(), restriction_type="login")
    assert not fragments.shareable(request_for(), hidden)
    assert fragments.shareable(request_for(), page)


def test_nothing_is_shared_inside_a_transaction():
    assert not fragments.shareable(request_for(), None)


def test_a_search_is_counted_in_one_statement_on_postgresql(django_assert_max_num_queries):
    from django.db import connection

    from pluginnovation.discovery.search_counts import record_search

    for _ in range(2):
        if connection.vendor == "postgresql":
            with django_assert_max_num_queries(1):
                record_search("  Zyxräknad   Fråga ")
        else:  # Wagtail's own Query.get(text).add_hit()
            record_search("  Zyxräknad   Fråga ")
    record_search("zyxannan")
    assert Query.get("zyxräknad fråga").hits == 2
    assert Query.get("zyxannan").hits == 1


@pytest.mark.parametrize("seconds, shared", [(0, False), (600, True)])
def test_the_page_cache_switch_turns_shared_bodies_off_too(
    client, stored, settings, monkeypatch, seconds, shared
):
    """PAGE_CACHE_SECONDS=0 means no cached rendered HTML at all (the throughput run's
    "uncached" pages)."""
    settings.PAGE_CACHE_SECONDS = seconds
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    monkeypatch.setattr(fragments, "connection", SimpleNamespace(in_atomic_block=False))
    client.get("/utforska/?faktor=samverkan")
    assert ("body" in stored) is shared


@pytest.mark.parametrize(
    "url, filtered",
    [
        ("/utforska/?faktor=finns-inte", False),
        ("/utforska/?faktor=finns-inte&faktor=samverkan", True),
        ("/forskning/?malgrupp=finns-inte", False),
        ("/sok/?q=elever&faktor=finns-inte", False),
    ],
)
def test_a_title_calls_a_listing_filtered_only_for_a_filter_applied_also_when_cached(
    client, sharing, url, filtered
):
    """An unknown value is ignored by the listing, so the title does not call the listing
    filtered: neither when the listing is worked out nor when the body comes from the cache."""
    titles = {
        re.search(r"<title>(.*?)</title>", client.get(url).content.decode()).group(1)
        for _ in range(2)
    }
    assert len(titles) == 1
    assert ("(filtrerat)" in titles.pop()) is filtered


def test_a_keyword_only_a_draft_has_does_not_show_in_the_title(client, sharing):
    """Whether the title says "filtrerat" must not tell that a draft has a keyword."""
    add_page(MethodPage, "Zyxhemligt utkast", tags=["zyxhemlig"], live=False)
    add_page(MethodPage, "Zyxöppen", tags=["zyxoppen"])
    for _ in range(2):  # worked out, then from the shared body
        secret = client.get("/utforska/?tagg=zyxhemlig").content.decode()
        assert "(filtrerat)" not in re.search(r"<title>(.*?)</title>", secret).group(1)
        public = client.get("/utforska/?tagg=zyxoppen").content.decode()
        assert "(filtrerat)" in re.search(r"<title>(.*?)</title>", public).group(1)
