"""Suggestions as you type at /sok/forslag/: titles and success factors as JSON."""

from django.core.cache import cache
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from methods.models import MethodPage
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.search import suggest as suggest_module
from research.models import ResearchArticlePage
from tests.discovery_support import add_page

pytestmark = pytest.mark.django_db

URL = "/sok/forslag/"


def suggest(client, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def labels(client, q):
    return [item["label"] for item in suggest(client, q)]


def test_a_word_prefix_finds_the_title_whatever_the_case_and_accents(client):
    page = add_page(MethodPage, "Kvällsöppen läxhjälp i Borås")
    for q in ["kvällsö", "KVALLSO", "laxhj", "Borå", "boras", "läxhjälp kvälls"]:
        found = suggest(client, q)
        assert {"label": page.title, "url": page.url, "kind": "Metod"} in found, q


def test_only_the_beginning_of_a_word_matches(client):
    add_page(MethodPage, "Kvällsöppen läxhjälp i Borås")
    assert "Kvällsöppen läxhjälp i Borås" not in labels(client, "öppen")
    assert "Kvällsöppen läxhjälp i Borås" not in labels(client, "läxhjälp dagtid")


def test_words_after_dashes_and_parentheses_count_as_words(client):
    add_page(ResearchArticlePage, "Zebraskolor – rapport (Zebrastudien)")
    assert "Zebraskolor – rapport (Zebrastudien)" in labels(client, "zebrastud")
    assert "Zebraskolor – rapport (Zebrastudien)" in labels(client, "rapport")


def test_success_factors_come_first_and_lead_to_their_page(client):
    add_page(MethodPage, "Samverkansdagar i Lund")
    found = suggest(client, "samverk")
    assert found[0] == {
        "label": "Samverkan",
        "url": reverse("factor_detail", args=["samverkan"]),
        "kind": "Framgångsfaktor",
    }
    assert "Samverkansdagar i Lund" in [item["label"] for item in found]


def test_drafts_and_restricted_pages_are_not_suggested(client):
    add_page(MethodPage, "Hemligmetoden utkast", live=False)
    hidden = add_page(MethodPage, "Hemligmetoden skyddad")
    PageViewRestriction.objects.create(page=hidden.get_parent(), restriction_type="login")
    add_page(MethodPage, "Hemligmetoden öppen")
    assert labels(client, "hemligmet") == ["Hemligmetoden öppen"]


def test_at_most_eight_with_the_word_first_and_shortest_first(client):
    for i in range(12):
        add_page(MethodPage, f"Ordningsregler i klass {i:02d} med extra ord" + " x" * i)
    add_page(MethodPage, "Om ordningsregler")
    found = labels(client, "ordningsreg")
    assert len(found) == 8
    assert found[0] == "Ordningsregler i klass 00 med extra ord"
    assert "Om ordningsregler" not in found[:7]


def test_fewer_than_two_letters_give_nothing(client):
    add_page(MethodPage, "Ö-dagar")
    assert suggest(client, "ö") == []
    assert suggest(client, "  ") == []
    assert suggest(client, "") == []
    assert client.get(URL).json() == []


@pytest.mark.parametrize(
    "q",
    [
        "x" * 5000,
        "frånvaro " * 300,
        "&|!:*()",
        "'; DROP TABLE wagtailcore_page; --",
        "%_%",
        "fr\x00ånvaro",
        "\u202efrånvaro\u200b",
        "😀😀 frånv",
        "Привет frånvaro 東京",
        "a b c d e f g h i j k l m n o p",
        "frånvaro:* & !skola | (elev)",
    ],
)
def test_hostile_input_gives_a_normal_answer(client, q):
    found = suggest(client, q)
    assert isinstance(found, list) and len(found) <= 8


def test_hostile_input_still_finds_the_words_it_contains(client):
    add_page(MethodPage, "Kvällsöppen läxhjälp i Borås")
    assert "Kvällsöppen läxhjälp i Borås" in labels(client, "kvällsö:* & (läxhj)!")
    assert "Kvällsöppen läxhjälp i Borås" in labels(client, "😀 kvällsö\x00")


def test_at_most_three_queries_however_much_content(client, django_assert_max_num_queries):
    for i in range(20):
        add_page(ResearchArticlePage, f"Närvarostudie nummer {i}")
    client.get(URL, {"q": "narvaro"})  # the site's root paths are read once, then cached
    with django_assert_max_num_queries(3):
        assert len(suggest(client, "närvarost")) == 8


@pytest.fixture
def caching(monkeypatch):
    """Caching as on the running site (tests run inside a transaction, which turns it off)."""
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    monkeypatch.setattr(suggest_module, "_catalogue", [None, 0.0, None])
    cache.clear()
    yield
    cache.clear()


def test_the_catalogue_is_reused_until_the_content_changes(
    client, caching, django_assert_max_num_queries
):
    add_page(MethodPage, "Grönsaksodling på skolgården")
    assert labels(client, "grönsak") == ["Grönsaksodling på skolgården"]
    # Another prefix: only the content version is read, the titles are in memory.
    with django_assert_max_num_queries(1):
        assert labels(client, "skolgård") == ["Grönsaksodling på skolgården"]
    add_page(MethodPage, "Grönsaksland i Umeå")
    assert labels(client, "gronsak") == ["Grönsaksland i Umeå", "Grönsaksodling på skolgården"]


def test_answers_may_be_cached_briefly_and_only_get_is_allowed(client):
    response = client.get(URL, {"q": "frånvaro"})
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    max_age = int(cache_control.split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 300
    assert client.post(URL, {"q": "frånvaro"}).status_code == 405


def test_the_demo_content_is_suggested_for_everyday_prefixes(client):
    assert any("frånvaro" in label.lower() for label in labels(client, "franv"))
    assert "Blockläsning: en kurs i taget" in labels(client, "blockl")


def test_every_search_form_points_its_script_at_the_suggestions(client):
    html = client.get("/").content.decode()
    assert f'data-suggest-url="{URL}"' in html
    assert 'id="site-search-q-forslag"' in html
    assert 'role="listbox"' in html
    # Without JavaScript the field stays a plain search field: the script adds the combobox.
    assert 'role="combobox"' not in html


def test_swedish_titles_are_marked_as_swedish_among_english_suggestions(client):
    """The script gives each such label lang="sv" (WCAG 3.1.2), from the answer's "lang"."""
    english = client.get("/en/sok/forslag/", {"q": "frånv"}).json()
    assert english and all(item["lang"] == "sv" for item in english)
    assert all("lang" not in item for item in suggest(client, "frånv"))
    factors = client.get("/en/sok/forslag/", {"q": "koll"}).json()
    # A factor with English wording is named in English, unmarked.
    assert any(item["kind"] == "Success factor" and "lang" not in item for item in factors)
