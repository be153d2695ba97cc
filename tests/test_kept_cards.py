"""What a card shows of its page is drawn once per content version, language and site in each
process (pluginnovation.home.cards): a listing asked for again draws only the Spara forms, and
an editor's publish is on every card from the next request. Nothing from a preview or an
unsaved page object is ever kept for others."""

import datetime
import re

from django.test import RequestFactory
from django.utils import translation

import pytest

from methods.models import MethodPage
from pluginnovation.home import cards
from tests.discovery_support import add_page, keep_per_version, record_calls

pytestmark = pytest.mark.django_db

# The newest page comes first in /utforska/ without a sort.
NEWEST = datetime.date(2030, 1, 1)


@pytest.fixture
def caching(monkeypatch):
    keep_per_version(monkeypatch)


def titles(client, url):
    html = client.get(url).content.decode()
    return re.findall(r'class="card__title"><a href="[^"]*"[^>]*>([^<]*)</a>', html)


def test_a_card_is_drawn_once_until_the_content_changes(client, caching, monkeypatch):
    page = add_page(MethodPage, "Zyxmetoden", published=NEWEST)
    drawn = record_calls(monkeypatch, cards, "draw_parts", lambda context, item, heading: item.pk)
    assert titles(client, "/utforska/")[0] == "Zyxmetoden"
    assert page.pk in drawn and len(drawn) == len(set(drawn))
    # Asked for again, here or on another listing: no card is drawn again.
    drawn.clear()
    assert titles(client, "/utforska/")[0] == "Zyxmetoden"
    assert titles(client, "/utforska/?faktor=samverkan")[0] == "Zyxmetoden"
    assert page.pk not in drawn
    # An editor's publish is a new content version: drawn anew on the next request.
    page.title = "Zyxpublicerad titel"
    page.save_revision().publish()
    assert titles(client, "/utforska/")[0] == "Zyxpublicerad titel"
    assert page.pk in drawn


def test_each_address_gets_its_own_save_form(client, caching):
    add_page(MethodPage, "Zyxsparad", published=NEWEST)
    for url in ("/utforska/", "/utforska/?faktor=samverkan"):
        html = client.get(url).content.decode()
        first_form = html[html.index('<form class="save-form') :]
        next_value = re.search(r'name="next" value="([^"]*)"', first_form).group(1)
        assert next_value == url.replace("&", "&amp;")


def test_each_language_gets_its_own_card(client, caching):
    add_page(MethodPage, "Zyxspråk", published=NEWEST)
    swedish = client.get("/utforska/").content.decode()
    english = client.get("/en/utforska/").content.decode()
    assert '<p class="card__type">Metod</p>' in swedish
    assert '<p class="card__type">Method</p>' in english
    # The Swedish page among English ones is marked as such.
    assert re.search(r'hreflang="sv">Zyxspråk</a> <span class="language-note">', english)


@pytest.mark.parametrize("how", ["preview", "not live"])
def test_an_unsaved_page_object_is_never_kept(client, caching, how):
    page = add_page(MethodPage, "Zyxriktig", published=NEWEST)
    request = RequestFactory().get("/utforska/")
    unsaved = MethodPage.objects.get(pk=page.pk)
    unsaved.title = "Zyxutkast"
    if how == "preview":
        request.is_preview = True
    else:
        unsaved.live = False
    with translation.override("sv"):
        assert "Zyxutkast" in cards.content_card({"request": request}, unsaved)
        assert "Zyxutkast" in cards.search_hit({"request": request}, unsaved)
    assert titles(client, "/utforska/")[0] == "Zyxriktig"


def test_nothing_is_kept_while_the_content_version_cannot_be_read(client, caching, monkeypatch):
    """Redis away: a publish could not give a new version, so a kept card would stay old."""
    monkeypatch.setattr(cards, "content_version", lambda request=None: None)
    page = add_page(MethodPage, "Zyxutan", published=NEWEST)
    drawn = record_calls(monkeypatch, cards, "draw_parts", lambda context, item, heading: item.pk)
    for _ in range(2):
        assert titles(client, "/utforska/")[0] == "Zyxutan"
    assert drawn.count(page.pk) == 2


def test_a_kept_card_is_shared_read_only(client, caching):
    """Kept cards are not copied for each request (unpickling them cost a tenth of a search
    page), so what a request holds of one cannot be changed for the next."""
    page = add_page(MethodPage, "Zyxdelad", published=NEWEST)
    client.get("/utforska/")
    request = RequestFactory().get("/utforska/")
    request._content_version = client.get("/utforska/").wsgi_request._content_version
    parts = cards.card_parts({"request": request}, page, "h3")
    with pytest.raises(TypeError):
        parts["title"] = "Ändrad"
    assert cards.card_parts({"request": request}, page, "h3") is parts
