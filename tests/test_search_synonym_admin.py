"""Editors maintain the search synonyms in the admin (Söksynonymer)."""

import re

import pytest

from methods.models import MethodPage
from pluginnovation.search.models import Synonym
from tests.discovery_support import add_page, listed

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/sitesearch/synonym/"
ADD = LIST + "add/"


def test_the_synonyms_are_listed_in_the_admin_menu(admin_client):
    html = admin_client.get("/admin/").content.decode()
    # The menu is JSON for the admin's JavaScript, where ö is escaped.
    assert "S\\u00f6ksynonymer" in html and LIST in html
    listing = admin_client.get(LIST)
    assert listing.status_code == 200
    assert "vårdnadshavare" in listing.content.decode()  # the demo list


def test_an_editor_adds_a_synonym_that_search_then_uses(admin_client, client):
    add_page(MethodPage, "Zyxstödet", body="En zyxstödperson i varje klass.")
    data = {"word": "zyxelevassistent", "equivalents": "zyxstödperson", "two_way": "on"}
    response = admin_client.post(ADD, data)
    assert response.status_code == 302
    assert Synonym.objects.get(word="zyxelevassistent").two_way
    found = client.get("/sok/", {"q": "zyxelevassistent"})
    assert [page.title for page in listed(found)] == ["Zyxstödet"]


def test_a_synonym_without_equivalents_is_refused_with_a_swedish_message(admin_client):
    response = admin_client.post(ADD, {"word": "skolk", "equivalents": " , skolk"})
    assert response.status_code == 200
    assert "Ange minst en motsvarighet" in response.content.decode()
    assert not Synonym.objects.filter(word="skolk", equivalents=" , skolk").exists()


@pytest.mark.parametrize(
    ("saved", "typed"),
    [
        ("zyxavhopp", "ZYXAVHOPP"),
        ("zyxåtgärd", "ZYXÅTGÄRD"),
        # The search reads these as one word too: without diacritics, and hyphens.
        ("zyxföräldrar", "zyxforaldrar"),
        ("zyxstudie- och yrkesvägledare", "Zyxstudie och yrkesvägledare"),
    ],
)
def test_a_word_already_there_in_other_letters_is_refused(admin_client, saved, typed):
    """ "AVHOPP" was saved beside "avhopp": two rows for one word, each with its own
    equivalents, where the search reads words without regard to case."""
    Synonym.objects.create(word=saved, equivalents="studieavbrott")
    response = admin_client.post(ADD, {"word": typed, "equivalents": "studieavbrott"})
    assert response.status_code == 200
    assert f"”{saved}” finns redan" in response.content.decode()
    assert Synonym.objects.filter(word__in=[saved, typed]).count() == 1


def test_the_list_says_yes_or_no_and_is_named_as_in_the_menu(admin_client):
    """The two-way column read "True"/"False", and the page was titled "Synonymer"."""
    Synonym.objects.create(word="zyxskolk", equivalents="ogiltig frånvaro", two_way=False)
    html = admin_client.get(LIST).content.decode()
    assert ">False<" not in html and ">True<" not in html
    assert re.search(r'<span class="w-sr-only">\s*Nej\s*</span>', html)
    assert "<h1" in html and "Söksynonymer" in html.split("<h1", 1)[1].split("</h1>", 1)[0]
