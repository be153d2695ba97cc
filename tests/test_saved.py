"""Min samling: saving without an account, the origin check that replaces the CSRF token on
cached public pages, the collection's own pages, sharing, bounds and retention."""

import datetime
import re
import time

from django.conf import settings
from django.contrib.messages import constants as message_levels
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.content.models import ContentPage
from pluginnovation.saved import owner
from pluginnovation.saved.models import MAX_ITEMS, Collection, CollectionItem
from research.models import ResearchArticlePage
from tests.saved_support import owned_collection

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"
SCRIPT = "<script>alert(1)</script>"
YEAR = 365 * 24 * 60 * 60


def demo_pages():
    return [
        model.objects.live().order_by("pk").first()
        for model in (MethodPage, CaseStudyPage, ResearchArticlePage)
    ]


def save(client, page, origin=ORIGIN, next_url="/metoder/", **extra):
    data = {"sida": page if isinstance(page, str) else page.pk, "next": next_url}
    data["ankare"] = extra.pop("anchor", f"spara-{data['sida']}")
    headers = {"HTTP_ORIGIN": origin} if origin is not None else {}
    headers.update(extra)
    return client.post("/samling/spara/", data, **headers)


def saved_ids(client):
    collection = owned_collection(client)
    if collection is None:
        return []
    return list(
        CollectionItem.objects.filter(collection=collection)
        .order_by("position")
        .values_list("page_id", flat=True)
    )


def listed_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]*)</a>', html)


# Saving from a public page


def test_a_same_origin_post_saves_and_returns_to_the_form_on_the_page(client):
    page = demo_pages()[0]
    response = save(client, page, next_url="/metoder/?sida=2")
    assert response.status_code == 302
    assert response["Location"] == f"/metoder/?sida=2#spara-{page.pk}"
    assert saved_ids(client) == [page.pk]
    # Saving twice keeps one item.
    save(client, page)
    assert saved_ids(client) == [page.pk]


def test_a_referer_from_this_site_is_enough_when_no_origin_is_sent(client):
    page = demo_pages()[1]
    response = save(client, page, origin=None, HTTP_REFERER=f"{ORIGIN}/fallstudier/")
    assert response.status_code == 302
    assert saved_ids(client) == [page.pk]


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "http://testserver.evil.example"},
        {"HTTP_ORIGIN": "https://testserver"},  # another scheme is another origin
        {"HTTP_REFERER": "https://evil.example/testserver/"},
    ],
)
def test_a_cross_site_post_is_refused_with_a_confirmation_form(client, headers):
    page = demo_pages()[0]
    response = save(client, page, origin=None, **headers)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Spara sidan i Min samling?" in html
    assert page.title in html
    assert "csrfmiddlewaretoken" in html
    assert saved_ids(client) == []
    assert not Collection.objects.exists()


def test_without_origin_and_referer_the_confirmation_form_works_with_its_token():
    client = Client(enforce_csrf_checks=True)
    page = demo_pages()[2]
    response = save(client, page, origin=None, next_url="/forskning/")
    assert response.status_code == 403
    html = response.content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert 'action="/samling/spara/bekrafta/"' in html
    data = {"sida": page.pk, "next": "/forskning/", "ankare": f"spara-{page.pk}"}
    # Without the token the confirmation is refused like any other form.
    assert client.post("/samling/spara/bekrafta/", data).status_code == 403
    response = client.post("/samling/spara/bekrafta/", {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response["Location"] == f"/forskning/#spara-{page.pk}"
    assert saved_ids(client) == [page.pk]


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/x",
        "javascript:alert(1)",
        "",
        "\\\\evil.example",
        # Relative: not an address on this site (redirect() took "x" for a view's name: 500).
        "x",
        "sok",
        "45",
        "metoder/",
        "?q=x",
        "/\\evil.example",
    ],
)
def test_an_unsafe_next_leads_to_the_collection(client, next_url):
    response = save(client, demo_pages()[0], next_url=next_url)
    assert response.status_code == 302
    assert response["Location"] == "/samling/"


def test_a_strange_anchor_is_replaced_by_the_pages_own(client):
    page = demo_pages()[0]
    response = save(client, page, anchor='x"><script>')
    assert response["Location"] == f"/metoder/#spara-{page.pk}"


def test_javascript_gets_an_answer_without_a_redirect(client):
    page = demo_pages()[0]
    response = save(client, page, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    # Min samling speaks Swedish on the English pages too: the script marks the announcement.
    assert response.json() == {"saved": True, "message": "Sparad i Min samling", "lang": "sv"}


@pytest.mark.parametrize(
    "raw", ["abc", "-1", "²", "1²", "٣", "0", "99999999", "9" * 40, "", SCRIPT, "1.0"]
)
def test_unknown_or_malformed_page_ids_save_nothing(client, raw):
    response = save(client, raw)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan kunde inte sparas" in html
    assert SCRIPT not in html
    assert not CollectionItem.objects.exists()


def test_a_draft_or_restricted_page_cannot_be_saved(client):
    method, case_study, _research = demo_pages()
    method.unpublish()
    PageViewRestriction.objects.create(page=case_study, restriction_type="login")
    assert save(client, method).status_code == 404
    assert save(client, case_study).status_code == 404
    assert saved_ids(client) == []


def test_wrong_methods_are_refused(client):
    assert client.get("/samling/spara/").status_code == 405
    assert client.get("/samling/spara/bekrafta/").status_code == 405
    assert client.get("/samling/namn/").status_code == 405
    assert client.get("/samling/flytta/").status_code == 405
    assert client.put("/samling/tom/").status_code == 405


def test_a_full_collection_says_so(client):
    pages = list(ContentPage.objects.live().order_by("pk"))
    save(client, pages[0])
    collection = Collection.objects.get()
    # Fill it to the limit with the demo's pages, then fresh copies of one page.
    others = list(pages[1:])
    while len(others) < MAX_ITEMS - 1:
        copy = pages[1].specific.copy(update_attrs={"slug": f"kopia-{len(others)}"})
        others.append(copy)
    CollectionItem.objects.bulk_create(
        CollectionItem(collection=collection, page_id=page.pk, position=i + 2)
        for i, page in enumerate(others[: MAX_ITEMS - 1])
    )
    extra = pages[1].specific.copy(update_attrs={"slug": "en-for-mycket"})
    response = save(client, extra)
    assert response.status_code == 409
    assert "Min samling är full" in response.content.decode()
    assert "högst 200 sidor" in response.content.decode()
    assert collection.items.count() == MAX_ITEMS


# The public pages carry nothing about the visitor


def test_public_pages_have_spara_forms_without_tokens_or_visitor_state(client):
    method = demo_pages()[0]
    fresh = Client().get(method.url).content.decode()
    save(client, method)
    client.get(method.url)  # the page returned to says, once, that it was just saved
    mine = client.get(method.url).content.decode()
    assert mine == fresh
    assert "csrfmiddlewaretoken" not in mine
    assert 'action="/samling/spara/"' in mine
    # The page's own button names the page; so do the cards' buttons.
    assert (
        '<span class="save-button__label">Spara</span>'
        '<span class="save-button__saved" hidden>Sparad</span>'
        f'<span class="visually-hidden"> {method.title}</span>'
    ) in mine
    listing = client.get("/metoder/").content.decode()
    assert "csrfmiddlewaretoken" not in listing
    assert listing.count('class="save-button"') == listing.count('class="card ')


def test_every_content_page_has_a_print_button_and_its_address_for_print(client):
    for page in demo_pages():
        html = client.get(page.url).content.decode()
        assert "data-print-button" in html, page
        assert html.count("data-print-button") == 1
        assert f"Sidans adress: http://testserver{page.url}" in html
    assert "Skriv ut metoden" not in client.get(demo_pages()[0].url).content.decode()


def test_the_header_links_to_the_collection(client):
    assert 'href="/samling/"' in client.get("/").content.decode()


# The collection's own pages


def make_collection(client, pages):
    for page in pages:
        assert save(client, page).status_code == 302
    return owned_collection(client)


def test_the_collection_lists_cards_in_order_and_states_retention(client):
    pages = demo_pages()
    make_collection(client, pages)
    response = client.get("/samling/")
    assert response.status_code == 200
    html = response.content.decode()
    assert listed_titles(html) == [page.title for page in pages]
    assert "12 månader" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "(3 av högst 200)" in html


def test_an_empty_collection_explains_how_to_save(client):
    html = client.get("/samling/").content.decode()
    assert "Du har inga sparade sidor ännu" in html
    assert not Collection.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/samling/",
        "/samling/tom/",
        "/samling/skriv-ut/",
        "/samling/pdf/",
        "/samling/delad/{token}/",
        "/samling/delad/{token}/skriv-ut/",
        "/samling/delad/{token}/pdf/",
        "/samling/delad/finns-inte-alls-123456/",
    ],
)
def test_collection_pages_are_private_and_not_indexed(client, url):
    collection = make_collection(client, demo_pages()[:1])
    response = client.get(url.format(token=collection.share_token))
    assert response["Cache-Control"] == "private, no-store" or set(
        response["Cache-Control"].replace(" ", "").split(",")
    ) >= {"private", "no-store"}
    assert "noindex" in response["X-Robots-Tag"]


def test_reorder_with_up_and_down_buttons(client):
    first, second, third = demo_pages()
    make_collection(client, [first, second, third])
    response = client.post("/samling/flytta/", {"sida": third.pk, "riktning": "upp"})
    assert response.status_code == 302
    assert saved_ids(client) == [first.pk, third.pk, second.pk]
    # Said where it went, on the page the visitor comes back to, and back to the button just
    # pressed, on the moved page (saved.js gives it the focus).
    assert response["Location"] == f"/samling/#flytta-upp-{third.pk}"
    html = client.get(response["Location"]).text
    assert "Sidan är flyttad till plats 2 av 3." in html
    assert f'id="flytta-upp-{third.pk}"' in html
    client.post("/samling/flytta/", {"sida": first.pk, "riktning": "ner"})
    assert saved_ids(client) == [third.pk, first.pk, second.pk]
    # At either end the button just pressed is gone: back to the page's other one.
    response = client.post("/samling/flytta/", {"sida": first.pk, "riktning": "ner"})
    assert response["Location"] == f"/samling/#flytta-upp-{first.pk}"  # now last
    response = client.post("/samling/flytta/", {"sida": first.pk, "riktning": "upp"})
    assert response["Location"] == f"/samling/#flytta-upp-{first.pk}"
    response = client.post("/samling/flytta/", {"sida": first.pk, "riktning": "upp"})
    assert response["Location"] == f"/samling/#flytta-ner-{first.pk}"  # now first
    # Not moved: back to the page's card.
    response = client.post("/samling/flytta/", {"sida": first.pk, "riktning": "upp"})
    assert response["Location"] == f"/samling/#sparad-{first.pk}"
    client.post("/samling/flytta/", {"sida": first.pk, "riktning": "ner"})
    assert saved_ids(client) == [third.pk, first.pk, second.pk]
    # Past either end, or nonsense, changes nothing.
    for data in (
        {"sida": third.pk, "riktning": "upp"},
        {"sida": second.pk, "riktning": "ner"},
        {"sida": second.pk, "riktning": "sidled"},
        {"sida": "²", "riktning": "upp"},
        {"sida": SCRIPT, "riktning": SCRIPT},
    ):
        assert client.post("/samling/flytta/", data).status_code == 302
    assert saved_ids(client) == [third.pk, first.pk, second.pk]
    html = client.get("/samling/").content.decode()
    assert listed_titles(html) == [third.title, first.title, second.title]
    # The first card has no "Flytta upp", the last no "Flytta ner".
    assert html.count(">Flytta upp<") == 2
    assert html.count(">Flytta ner<") == 2


def test_reorder_skips_pages_that_are_no_longer_shown(client):
    first, second, third = demo_pages()
    make_collection(client, [first, second, third])
    second.unpublish()
    client.post("/samling/flytta/", {"sida": third.pk, "riktning": "upp"})
    assert saved_ids(client) == [third.pk, second.pk, first.pk]


def test_remove_and_empty(client):
    first, second, third = demo_pages()
    make_collection(client, [first, second, third])
    client.post("/samling/ta-bort/", {"sida": second.pk})
    assert saved_ids(client) == [first.pk, third.pk]
    # The message names the page, so the visitor knows which one went.
    assert f"”{second.title}” är borttagen från Min samling." in client.get("/samling/").text
    confirm = client.get("/samling/tom/").content.decode()
    assert "Töm Min samling?" in confirm
    assert "Alla 2 sparade sidor tas bort" in confirm
    assert saved_ids(client) == [first.pk, third.pk]
    client.post("/samling/ta-bort/", {"sida": third.pk})
    assert "Den sparade sidan tas bort" in client.get("/samling/tom/").content.decode()
    client.post("/samling/tom/")
    assert saved_ids(client) == []
    assert "Du har inga sparade sidor ännu" in client.get("/samling/").content.decode()


def test_after_removing_renaming_or_emptying_the_visitor_lands_on_the_message(client):
    first, second, _third = demo_pages()
    make_collection(client, [first, second])
    for url, data in (
        ("/samling/ta-bort/", {"sida": first.pk}),
        ("/samling/namn/", {"namn": "Till APT"}),
        ("/samling/namn/", {"namn": "x" * 500}),
        ("/samling/tom/", {}),
    ):
        response = client.post(url, data)
        assert response["Location"] == "/samling/#saved-messages", url
        html = client.get("/samling/").content.decode()
        assert 'id="saved-messages" role="status" tabindex="-1"' in html, url


def test_actions_without_a_collection_just_lead_back(client):
    for url in ("/samling/namn/", "/samling/flytta/", "/samling/ta-bort/"):
        response = client.post(url, {"sida": "1", "namn": "x"})
        assert response.status_code == 302
        assert response["Location"] == "/samling/"
    assert client.post("/samling/tom/").status_code == 302
    assert not Collection.objects.exists()


def test_naming_escapes_html_and_bounds_the_length(client):
    make_collection(client, demo_pages()[:1])
    client.post("/samling/namn/", {"namn": f"  Arbetslag  {SCRIPT} "})
    collection = Collection.objects.get()
    assert collection.name == f"Arbetslag {SCRIPT}"
    html = client.get("/samling/").content.decode()
    assert SCRIPT not in html
    assert "Arbetslag &lt;script&gt;" in html
    client.post("/samling/namn/", {"namn": "x" * 121})
    assert "högst 120 tecken" in client.get("/samling/").content.decode()
    assert Collection.objects.get().name == f"Arbetslag {SCRIPT}"
    client.post("/samling/namn/", {"namn": "x" * 120})
    assert Collection.objects.get().name == "x" * 120


def test_control_characters_and_odd_input_never_break_a_form(client):
    page = demo_pages()[0]
    make_collection(client, [page])
    client.post("/samling/namn/", {"namn": "Lag\x00 A\x1b[31m\u202e"})
    assert Collection.objects.get().name == "Lag A [31m"
    response = save(client, page, next_url="/metoder/\x00\r\nSet-Cookie: x=1")
    assert response.status_code == 302
    assert "\n" not in response["Location"] and "\x00" not in response["Location"]
    response = client.post("/samling/flytta/", {"sida": ["1", "2"], "riktning": ["upp"] * 3})
    assert response.status_code == 302
    assert client.post("/samling/spara/", HTTP_ORIGIN=ORIGIN).status_code == 404


def test_collection_forms_need_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    make_collection(client, demo_pages()[:2])
    for url in ("/samling/namn/", "/samling/flytta/", "/samling/ta-bort/", "/samling/tom/"):
        assert client.post(url, {"sida": "1", "namn": "x"}).status_code == 403, url
    html = client.get("/samling/").content.decode()
    forms = re.findall(r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", html, re.S)
    assert forms and all("csrfmiddlewaretoken" in form for form in forms)


def test_pages_hidden_after_saving_drop_out_with_a_notice(client):
    method, case_study, research = demo_pages()
    collection = make_collection(client, [method, case_study, research])
    case_study.unpublish()
    html = client.get("/samling/").content.decode()
    assert listed_titles(html) == [method.title, research.title]
    assert "1 sparad sida är inte längre tillgänglig" in html
    PageViewRestriction.objects.create(page=research, restriction_type="login")
    html = client.get(f"/samling/delad/{collection.share_token}/").content.decode()
    assert listed_titles(html) == [method.title]
    assert "2 sparade sidor är inte längre tillgängliga" in html
    assert case_study.title not in html and research.title not in html


# Sharing


def test_a_shared_link_is_read_only_and_can_be_copied(client):
    pages = demo_pages()
    collection = make_collection(client, pages)
    client.post("/samling/namn/", {"namn": "Arbetslaget"})
    other = Client()
    response = other.get(f"/samling/delad/{collection.share_token}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Arbetslaget" in html
    assert listed_titles(html) == [page.title for page in pages]
    assert "Flytta upp" not in html and "Ta bort" not in html
    assert "Gör en egen kopia" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    # The share token gives no way to change the owner's collection.
    other.post("/samling/ta-bort/", {"sida": pages[0].pk})
    assert saved_ids(client) == [page.pk for page in pages]
    response = other.post(f"/samling/delad/{collection.share_token}/kopiera/")
    assert response.status_code == 302
    assert saved_ids(other) == [page.pk for page in pages]
    copy = owned_collection(other)
    assert copy.pk != collection.pk and copy.share_token != collection.share_token
    assert copy.name == "Arbetslaget"
    assert "3 sidor kopierades" in other.get("/samling/").content.decode()


def test_an_unnamed_shared_collection_is_not_called_min_samling_to_others(client):
    collection = make_collection(client, demo_pages()[:1])
    html = Client().get(f"/samling/delad/{collection.share_token}/").content.decode()
    assert "<h1>Delad samling</h1>" in html
    assert "<title>Delad samling" in html
    mine = client.get(f"/samling/delad/{collection.share_token}/").content.decode()
    assert "<h1>Min samling</h1>" in mine


def test_a_copy_says_how_many_pages_were_there_already(client):
    """ "1 sida kopierades" of a shared collection of two, one of which the visitor had saved:
    it looked as if a page was lost."""
    pages = demo_pages()
    collection = make_collection(client, pages[:2])
    other = Client()
    save(other, pages[1])
    other.post(f"/samling/delad/{collection.share_token}/kopiera/")
    html = other.get("/samling/").content.decode()
    assert "1 sida kopierades till Min samling. 1 fanns redan där." in html
    other.post(f"/samling/delad/{collection.share_token}/kopiera/")
    html = other.get("/samling/").content.decode()
    assert "Alla sidorna fanns redan i Min samling." in html


def test_the_owner_opening_their_own_share_link_is_sent_to_their_collection(client):
    collection = make_collection(client, demo_pages()[:1])
    html = client.get(f"/samling/delad/{collection.share_token}/").content.decode()
    assert "Det här är din samling" in html
    # The owner is not told that someone shared the pages with her.
    assert "Någon har delat" not in html
    assert "Så här ser andra din samling" in html
    response = client.post(f"/samling/delad/{collection.share_token}/kopiera/")
    assert response["Location"] == "/samling/"
    assert Collection.objects.count() == 1


@pytest.mark.parametrize(
    "token",
    [
        "finns-inte-alls-1234567890",
        "x",
        "a" * 65,
        "a" * 5000,
        "%3Cscript%3E",
        "%C2%B2%C2%B2%C2%B2%C2%B2%C2%B2%C2%B2%C2%B2%C2%B2%C2%B2%C2%B2%C2%B2%C2%B2%C2%B2%C2%B2%C2%B2%C2%B2",
    ],
)
def test_a_tampered_share_token_gives_a_swedish_404(client, token):
    make_collection(client, demo_pages()[:1])
    for suffix in ("", "skriv-ut/", "pdf/"):
        response = client.get(f"/samling/delad/{token}/{suffix}")
        assert response.status_code == 404
        html = response.content.decode()
        assert "Samlingen finns inte" in html
        assert "<script>" not in html
    assert client.post(f"/samling/delad/{token}/kopiera/").status_code == 404


def test_a_token_with_slashes_is_an_ordinary_404(client):
    assert client.get("/samling/delad/..%2F..%2Fadmin/").status_code == 404


def test_share_tokens_are_long_and_unguessable():
    tokens = {Collection.objects.create().share_token for _ in range(20)}
    assert len(tokens) == 20
    assert all(len(token) >= 32 and re.fullmatch(r"[A-Za-z0-9_-]+", token) for token in tokens)


def test_the_cookie_holds_a_signed_random_key_not_the_collections_id(client, settings):
    collection = make_collection(client, demo_pages()[:1])
    cookie = client.cookies[owner.COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == YEAR
    key, _timestamp, _signature = cookie.value.split(":")
    assert key == collection.owner_key and len(key) >= 40
    assert collection.owner_key != collection.share_token
    # Saving starts no session: the public pages stay the cached copy for this visitor.
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    # Another visitor cannot point a cookie at it by guessing ids.
    other = Client()
    other.cookies[owner.COOKIE] = str(collection.pk)
    assert "Du har inga sparade sidor ännu" in other.get("/samling/").content.decode()


def test_a_collection_is_kept_for_javascript_saves_too(client, settings):
    response = save(client, demo_pages()[0], HTTP_ACCEPT="application/json")
    assert response.json()["saved"] is True
    assert int(response.cookies[owner.COOKIE]["max-age"]) == YEAR
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert saved_ids(client) == [demo_pages()[0].pk]


@pytest.mark.parametrize(
    "forge",
    [
        lambda key: key,  # unsigned
        lambda key: key + ":" + "A" * 27,  # a made-up signature
        lambda key: signing.get_cookie_signer(salt="other").sign_object(key),
        lambda key: "\x00" * 4000,
        lambda key: "²:³",
    ],
)
def test_a_cookie_not_made_here_finds_nothing_and_is_removed(client, forge):
    collection = make_collection(Client(), demo_pages()[:1])
    client.cookies[owner.COOKIE] = forge(collection.owner_key)
    response = client.get("/samling/")
    assert response.status_code == 200
    assert "Du har inga sparade sidor ännu" in response.content.decode()
    assert response.cookies[owner.COOKIE]["max-age"] == 0
    assert client.get("/samling/sparade/").json() == {"sidor": []}


def test_a_cookie_older_than_the_retention_finds_nothing(client, monkeypatch):
    collection = make_collection(Client(), demo_pages()[:1])
    year_ago = int(time.time()) - YEAR - 60
    monkeypatch.setattr(
        signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(year_ago)
    )
    signer = signing.get_cookie_signer(salt=owner.COOKIE + owner.SALT)
    client.cookies[owner.COOKIE] = signer.sign(collection.owner_key)
    monkeypatch.undo()
    assert client.get("/samling/sparade/").json() == {"sidor": []}


def test_using_min_samling_renews_the_cookie(client):
    page = demo_pages()[0]
    save(client, page)
    for address in ("/samling/", "/samling/sparade/"):
        response = client.get(address)
        assert int(response.cookies[owner.COOKIE]["max-age"]) == YEAR
    assert client.get("/samling/sparade/").json() == {"sidor": [page.pk]}


def test_visitors_who_never_saved_get_no_collection_cookie(client):
    for address in ("/samling/", "/samling/sparade/", "/samling/tom/", "/samling/skriv-ut/"):
        assert owner.COOKIE not in client.get(address).cookies
    assert not Collection.objects.exists()


def test_a_collection_emptied_keeps_its_name_and_cookie(client):
    collection = make_collection(client, demo_pages()[:1])
    client.post("/samling/namn/", {"namn": "Till APT"})
    response = client.post("/samling/tom/")
    assert int(response.cookies[owner.COOKIE]["max-age"]) == YEAR
    assert response.cookies["samling"]["max-age"] == 0
    assert owned_collection(client).pk == collection.pk
    assert "Till APT" in client.get("/samling/").content.decode()


# Retention


def test_old_unused_collections_are_removed_by_the_command(client):
    collection = make_collection(client, demo_pages()[:1])
    old = Collection.objects.create(name="Gammal")
    Collection.objects.filter(pk=old.pk).update(
        last_used=timezone.now() - datetime.timedelta(days=366)
    )
    recent = Collection.objects.create(name="Nyare")
    Collection.objects.filter(pk=recent.pk).update(
        last_used=timezone.now() - datetime.timedelta(days=300)
    )
    call_command("remove_old_collections", "--dry-run", verbosity=0)
    assert Collection.objects.filter(pk=old.pk).exists()
    call_command("remove_old_collections", verbosity=0)
    assert set(Collection.objects.values_list("pk", flat=True)) == {collection.pk, recent.pk}
    assert not CollectionItem.objects.filter(collection_id=old.pk).exists()


def test_viewing_a_collection_counts_as_use(client):
    collection = make_collection(client, demo_pages()[:1])
    long_ago = timezone.now() - datetime.timedelta(days=200)
    Collection.objects.filter(pk=collection.pk).update(last_used=long_ago)
    client.get("/samling/")
    assert Collection.objects.get(pk=collection.pk).last_used > long_ago
    Collection.objects.filter(pk=collection.pk).update(last_used=long_ago)
    Client().get(f"/samling/delad/{collection.share_token}/")
    assert Collection.objects.get(pk=collection.pk).last_used > long_ago


def test_the_saved_confirmation_shows_once_and_only_to_whoever_saved(client):
    """Without JavaScript the visitor comes back to #spara-<id>, and CSS shows "Sparad i Min
    samling" for that form. The address can be copied and shared: the confirmation must come
    from the saver's session, once, not from the fragment alone."""
    page = demo_pages()[0]
    response = save(client, page, next_url="/metoder/")
    assert response.status_code == 302
    assert response["Location"] == f"/metoder/#spara-{page.pk}"
    back = client.get("/metoder/").content.decode()
    assert re.search(r'<body class="[^"]*\bsaved-now\b', back)
    again = client.get("/metoder/").content.decode()
    assert not re.search(r'<body class="[^"]*\bsaved-now\b', again)
    someone_else = Client().get("/metoder/")
    assert not re.search(r'<body class="[^"]*\bsaved-now\b', someone_else.content.decode())


def waiting_messages(client, add=None):
    """The messages waiting in the client's cookie; with `add`, one more is put there first
    (as another tab would)."""
    request = RequestFactory().get("/")
    request.COOKIES = {name: morsel.value for name, morsel in client.cookies.items()}
    storage = CookieStorage(request)
    if add:
        storage.add(message_levels.SUCCESS, add)
        response = HttpResponse()
        storage.update(response)
        client.cookies[storage.cookie_name] = response.cookies[storage.cookie_name].value
        return waiting_messages(client)
    return [message.message for message in storage]


def test_the_saved_confirmation_leaves_other_messages_for_their_own_page(client):
    """A message waiting for another page (the self-assessment in a second tab) is not marked
    read by the public page that shows the confirmation."""
    page = demo_pages()[0]
    save(client, page, next_url="/metoder/")
    assert waiting_messages(client, add="Handlingsplanen är sparad.") == [
        "Sparad i Min samling",
        "Handlingsplanen är sparad.",
    ]
    back = client.get("/metoder/").content.decode()
    assert re.search(r'<body class="[^"]*\bsaved-now\b', back)
    assert waiting_messages(client) == ["Handlingsplanen är sparad."]
    # Shown once by the next page that lists messages, and then gone.
    listed = client.get("/samling/").content.decode()
    assert listed.count("Handlingsplanen är sparad.") == 1
    assert "Sparad i Min samling" not in listed
    assert waiting_messages(client) == []
    assert "Handlingsplanen" not in client.get("/samling/").content.decode()


def test_the_pdf_link_says_the_print_version_is_the_one_for_screen_readers(client):
    make_collection(client, demo_pages()[:1])
    html = client.get("/samling/").content.decode()
    link = re.search(r'<a class="action-link" href="/samling/pdf/"[^>]*>', html).group(0)
    assert 'aria-describedby="pdf-hint"' in link
    hint = re.search(r'<p id="pdf-hint"[^>]*>([^<]+)</p>', html).group(1)
    assert "skärmläsare" in hint and "Utskriftsversionen" in hint


# Which pages are saved, for the Spara buttons of a page shown again (static/js/saved.js)


def test_saving_leaves_a_hint_the_script_may_read_and_nothing_more(client):
    method = demo_pages()[0]
    for response in (save(client, method, HTTP_ACCEPT="application/json"), save(client, method)):
        hint = response.cookies["samling"]
        assert hint.value == "1"  # no id, no token: the session cookie holds the collection
        assert not hint["httponly"]
        assert hint["samesite"] == "Lax"
        assert int(hint["max-age"]) > 0


def test_a_refused_save_leaves_no_hint(client):
    response = save(client, "abc")
    assert "samling" not in response.cookies
    response = save(client, demo_pages()[0], origin="https://elsewhere.example")
    assert "samling" not in response.cookies


def test_the_saved_page_ids_are_the_visitors_own_and_not_stored(client):
    method, case_study, research = demo_pages()
    save(client, method)
    save(client, research)
    response = client.get("/samling/sparade/")
    assert response.status_code == 200
    assert response.json() == {"sidor": [method.pk, research.pk]}
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert Client().get("/samling/sparade/").json() == {"sidor": []}


def test_a_page_hidden_after_saving_is_not_listed(client):
    method, case_study, _research = demo_pages()
    save(client, method)
    save(client, case_study)
    method.unpublish()
    assert client.get("/samling/sparade/").json() == {"sidor": [case_study.pk]}


def test_emptying_removes_the_hint(client):
    save(client, demo_pages()[0])
    response = client.post("/samling/tom/")
    assert response.cookies["samling"]["max-age"] == 0
    assert client.get("/samling/sparade/").json() == {"sidor": []}


def test_the_hint_follows_the_collection_when_its_last_page_is_removed(client):
    page = demo_pages()[0]
    save(client, page)
    client.post("/samling/ta-bort/", {"sida": page.pk})
    response = client.get("/samling/sparade/")
    assert response.json() == {"sidor": []}
    assert response.cookies["samling"]["max-age"] == 0


def test_a_collection_from_before_the_hint_gets_it_in_min_samling(client):
    save(client, demo_pages()[0])
    del client.cookies["samling"]  # saved before the hint existed
    assert client.get("/samling/").cookies["samling"].value == "1"
    # ... and asking for the ids renews it.
    assert client.get("/samling/sparade/").cookies["samling"].value == "1"


def test_visitors_without_a_hint_are_sent_no_cookie(client):
    assert "samling" not in client.get("/samling/").cookies
    assert "samling" not in client.get("/samling/sparade/").cookies


def test_a_hint_without_a_collection_is_removed(client):
    client.cookies["samling"] = "1"  # the session has expired since
    response = client.get("/samling/sparade/")
    assert response.json() == {"sidor": []}
    assert response.cookies["samling"]["max-age"] == 0
    assert not Collection.objects.exists()


def test_copying_a_shared_collection_leaves_the_hint(client):
    owner = Client()
    save(owner, demo_pages()[0])
    token = Collection.objects.get().share_token
    response = client.post(f"/samling/delad/{token}/kopiera/")
    assert response.cookies["samling"].value == "1"
    assert client.get("/samling/sparade/").json() == {"sidor": [demo_pages()[0].pk]}


def test_the_saved_page_ids_only_answer_get_and_head(client):
    assert client.post("/samling/sparade/").status_code == 405
    assert client.head("/samling/sparade/").status_code == 200


# Collections the session held before the cookie: moved to the cookie, the session shortened


def held_by_session(client, pages):
    """A collection as sessions held them before the cookie, in a session kept a year."""
    collection = Collection.objects.create(name="Från förr")
    for position, page in enumerate(pages, start=1):
        CollectionItem.objects.create(collection=collection, page=page, position=position)
    session = client.session
    session[owner.SESSION_KEY] = collection.pk
    session.set_expiry(YEAR)
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return collection


@pytest.mark.parametrize("address", ["/samling/", "/samling/sparade/"])
def test_a_collection_held_by_the_session_moves_to_the_cookie(client, address):
    pages = demo_pages()[:2]
    collection = held_by_session(client, pages)
    response = client.get(address)
    assert str(pages[0].pk) in response.content.decode()
    assert owner.COOKIE in response.cookies
    assert owned_collection(client).pk == collection.pk
    # The session keeps it until the browser shows it has the cookie ...
    assert client.session[owner.SESSION_KEY] == collection.pk
    response = client.get("/samling/sparade/")
    # ... then lets go; holding nothing else, it is removed with its cookie.
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 0
    assert response.json() == {"sidor": [page.pk for page in pages]}
    assert not Session.objects.exists()


def test_a_cookie_lost_on_the_way_loses_no_collection(client):
    """The first answer's cookie may never arrive (saved.js's fetch cut off by the next
    page): the session still finds the collection the next time."""
    pages = demo_pages()[:1]
    collection = held_by_session(client, pages)
    client.get("/samling/sparade/")
    del client.cookies[owner.COOKIE]
    assert client.get("/samling/sparade/").json() == {"sidor": [pages[0].pk]}
    assert owned_collection(client).pk == collection.pk


def test_a_session_holding_more_keeps_it_at_the_sites_own_length(client):
    held_by_session(client, demo_pages()[:1])
    session = client.session
    session["self-assessments"] = ["token"]
    session.save()
    client.get("/samling/")
    client.get("/samling/")
    assert owner.SESSION_KEY not in client.session
    assert client.session["self-assessments"] == ["token"]
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_a_collection_written_without_an_owner_key_is_given_one(client):
    """The code before the key, still answering during the deploy, writes collections
    without one; such a collection is still found and then gets its key."""
    collection = held_by_session(client, demo_pages()[:1])
    Collection.objects.filter(pk=collection.pk).update(owner_key=None)
    response = client.get("/samling/sparade/")
    assert response.json() == {"sidor": [demo_pages()[0].pk]}
    key = Collection.objects.get(pk=collection.pk).owner_key
    assert key and len(key) >= 40
    assert response.cookies[owner.COOKIE].value.startswith(key + ":")


def test_seeing_the_saved_marks_counts_as_use(client):
    save(client, demo_pages()[0])
    long_ago = timezone.now() - datetime.timedelta(days=200)
    Collection.objects.update(last_used=long_ago)
    client.get("/samling/sparade/")
    assert Collection.objects.get().last_used > long_ago
    client.head("/samling/sparade/")  # a HEAD is no use


def test_saving_into_a_collection_held_by_the_session_keeps_it(client):
    pages = demo_pages()
    collection = held_by_session(client, pages[:1])
    save(client, pages[1])
    assert owned_collection(client).pk == collection.pk
    assert saved_ids(client) == [pages[0].pk, pages[1].pk]


def test_logging_in_gives_a_long_session_the_sites_own_length(client, admin_user):
    held_by_session(client, demo_pages()[:1])
    # Wagtail's admin login sets the length itself; any other login (here Django's own, with
    # the visitor's session) must not keep the collection's year.
    client.force_login(admin_user)
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def password_action(client, page):
    form = client.get(page.url).content.decode()
    return form.split('class="access-form" method="post" action="', 1)[1].split('"', 1)[0]


@pytest.fixture
def protected_page():
    page = CaseStudyPage.objects.live().order_by("pk").first()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="solros-42"
    )
    return page


def test_a_password_given_brings_a_long_session_back_to_the_sites_length(client, protected_page):
    held_by_session(client, demo_pages()[:1])
    assert client.session.get_expiry_age() > YEAR - 60
    client.post(
        password_action(client, protected_page),
        {"password": "solros-42", "return_url": protected_page.url},
    )
    assert client.get(protected_page.url).status_code == 200  # the password was taken
    assert client.session.get_expiry_age() <= settings.SESSION_COOKIE_AGE


def test_the_spara_forms_keep_the_listings_parameters_but_not_unknown_ones(client):
    """Every card's form sends the visitor back to the address they came from: an unknown
    parameter (a typo, junk) was repeated in each, 24 times on a listing (309 KB)."""
    junk = "x" * 2000
    plain = client.get("/utforska/?faktor=samverkan&sida=2&ordning=evidens").content.decode()
    padded = client.get(
        f"/utforska/?faktor=samverkan&zz={junk}&sida=2&ordning=evidens&utm_source=brev"
    ).content.decode()
    # The address itself (the language links) still names it; no card's form does.
    assert len(padded) < len(plain) + 5 * len(junk)
    nexts = re.findall(r'<input type="hidden" name="next" value="([^"]*)"', padded)
    assert nexts and set(nexts) == set(
        re.findall(r'<input type="hidden" name="next" value="([^"]*)"', plain)
    )
    assert "faktor=samverkan" in nexts[0] and "sida=2" in nexts[0] and "ordning=" in nexts[0]


@pytest.mark.parametrize(
    ("extra", "never_shown"),
    [
        ("kunskapsgrund=" + "Q" * 2000, "Q" * 100),
        ("q=" + "sök" * 700, "sök" * 70),
        ("&".join(f"tagg=t{number}" for number in range(900)), "t899"),
        ("zz=" + "x" * 2000, "x" * 100),
    ],
    ids=["junk filter value", "long search words", "900 tags", "unknown parameter"],
)
def test_a_small_request_with_junk_gets_no_large_page(client, extra, never_shown):
    """The listing's own parameters with values it cannot use were repeated in every card's
    form and in the language links: 7 KB asked for gave 236 KB. Only what the listing reads
    is kept in its links: filter values of the right form, search words as far as they are
    read (200 characters)."""
    html = client.get(f"/utforska/?faktor=samverkan&{extra}").content.decode()
    assert never_shown not in html
    assert len(html) < 100_000
