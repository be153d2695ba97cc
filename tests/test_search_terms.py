"""A search that names a filter offers it: "preventive" on the English pages, "nyanlända" or
"samverkan" on the Swedish ones (pluginnovation.discovery.term_search)."""

import re

from wagtail.models import PageViewRestriction

import pytest

from methods.models import MethodPage
from pluginnovation.taxonomy.models import InterventionType, Level, Municipality, TargetGroup
from tests.discovery_support import add_page

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"


def offered(response):
    """(href, text) of each filter the search page offers."""
    assert response.status_code == 200
    html = response.content.decode()
    box = re.search(r'<div class="notice search-terms">(.*?)</div>', html, re.S)
    if box is None:
        return []
    return [
        (href, re.sub(r"<[^>]+>", "", text))
        for href, text in re.findall(r'<a href="([^"]*)">(.*?)</a>', box.group(1), re.S)
    ]


def filed(model=MethodPage, title="Samtalsmetoden", **terms):
    page = add_page(model, title, body="Något helt annat.")
    for field, values in terms.items():
        getattr(page, field).set(values)
    page.save_revision().publish()
    return page


def test_an_english_term_name_offers_its_filter_on_the_english_pages(client):
    preventive = InterventionType.objects.get(slug="forebyggande")
    filed(intervention_types=[preventive])
    links = offered(client.get("/en/sok/?q=Preventive"))
    assert ("/en/utforska/?insatstyp=forebyggande", "Type of intervention: Preventive") in links
    # Begun words are enough: "prevent" begins "Preventive".
    assert "/en/utforska/?insatstyp=forebyggande" in dict(offered(client.get("/en/sok/?q=prevent")))


def test_a_swedish_name_offers_the_filter_by_its_swedish_name(client):
    group = TargetGroup.objects.get(slug="nyanlanda")
    filed(target_groups=[group])
    links = offered(client.get("/sok/?q=nyanlända"))
    assert ("/utforska/?malgrupp=nyanlanda", "Målgrupp: Nyanlända elever") in links
    # Without accents, as people type.
    assert ("/utforska/?malgrupp=nyanlanda", "Målgrupp: Nyanlända elever") in offered(
        client.get("/sok/?q=NYANLANDA")
    )
    # Typed as a letter and a combining accent.
    assert ("/utforska/?malgrupp=nyanlanda", "Målgrupp: Nyanlända elever") in offered(
        client.get("/sok/", {"q": "nyanla\u0308nda"})
    )


def test_a_name_among_other_words_is_offered(client):
    municipality = Municipality.objects.get(slug="goteborg")
    filed(municipalities=[municipality])
    links = dict(offered(client.get("/sok/?q=mentorskap+i+göteborg")))
    assert links["/utforska/?kommun=goteborg"] == "Kommun: Göteborg"


def test_a_term_without_an_english_name_is_marked_swedish(client):
    group = TargetGroup.objects.create(name="Elever i glesbygd", slug="glesbygd")
    filed(target_groups=[group])
    html = client.get("/en/sok/?q=glesbygd").content.decode()
    assert '<a href="/en/utforska/?malgrupp=glesbygd">Target group: <span lang="sv">' in html
    # The Swedish page marks nothing.
    swedish = client.get("/sok/?q=glesbygd").content.decode()
    assert '<span lang="sv">Elever i glesbygd' not in swedish


def test_a_term_no_visible_page_is_filed_under_is_not_offered(client):
    group = TargetGroup.objects.create(name="Elever i fjällvärlden", slug="fjallvarlden")
    assert offered(client.get("/sok/?q=fjällvärlden")) == []
    page = filed(target_groups=[group])
    assert offered(client.get("/sok/?q=fjällvärlden")) != []
    page.unpublish()
    assert offered(client.get("/sok/?q=fjällvärlden")) == []
    # Nor a term only a restricted page is filed under.
    restricted = filed(title="Inloggat", target_groups=[group])
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    assert offered(client.get("/sok/?q=fjällvärlden")) == []


def test_short_and_common_words_offer_nothing(client):
    are = Municipality.objects.create(
        name="Åre", slug="are", code="2321", region=Municipality.objects.first().region
    )
    filed(municipalities=[are])
    assert "/utforska/?kommun=are" in dict(offered(client.get("/sok/?q=Åre+kommun")))
    # "och" begins words of many names; "are" is Åre without its accent.
    for query in ("och", "are", "ung", "e", "elever och"):
        assert offered(client.get("/sok/", {"q": query})) == [], query


def test_a_filter_already_chosen_is_not_offered_again(client):
    group = TargetGroup.objects.get(slug="nyanlanda")
    filed(target_groups=[group])
    links = offered(client.get("/sok/?q=nyanlända&malgrupp=nyanlanda"))
    assert "/utforska/?malgrupp=nyanlanda" not in dict(links)


def test_at_most_four_filters_and_whole_names_first(client):
    names = ["Elever i glesbygd", "Elever i storstad", "Elever på yrkesprogram", "Elever med NPF"]
    groups = [TargetGroup.objects.create(name=n, slug=f"grupp-{i}") for i, n in enumerate(names)]
    exact = TargetGroup.objects.create(name="Elever", slug="elever")
    filed(target_groups=[*groups, exact])
    links = offered(client.get("/sok/?q=elever"))
    assert len(links) == 4
    assert links[0] == ("/utforska/?malgrupp=elever", "Målgrupp: Elever")


@pytest.mark.parametrize("query", [SCRIPT, "²", "٣", "a" * 500, "\x00", "%", "  ", "🙂"])
def test_strange_queries_give_a_normal_page_and_offer_nothing(client, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200
    assert offered(response) == []
    assert SCRIPT not in response.content.decode()


def test_only_the_first_page_of_results_offers_filters(client):
    group = TargetGroup.objects.get(slug="nyanlanda")
    filed(target_groups=[group])
    assert offered(client.get("/sok/?q=nyanlända&sida=2")) == []


def test_a_keyword_offers_its_filter(client):
    add_page(MethodPage, "Mentorer i gymnasiet", body="Något annat.", tags=["mentorskap"])
    links = dict(offered(client.get("/sok/?q=mentorskap")))
    slug = next(href for href in links if "tagg=" in href)
    assert links[slug] == "Nyckelord: mentorskap"
    listing = client.get(slug)
    assert "Mentorer i gymnasiet" in listing.content.decode()


def test_a_search_that_is_a_filters_name_is_not_corrected_into_swedish(client, monkeypatch):
    from pluginnovation.discovery import fulltext

    individual = Level.objects.get(slug="individ")
    filed(levels=[individual])
    real = fulltext.find

    def with_a_correction(words, request=None):
        found = real(words, request)
        return fulltext.Found(found.hits, found.fallback, "individuell level")

    monkeypatch.setattr(fulltext, "find", with_a_correction)
    html = client.get("/en/sok/?q=individual+level").content.decode()
    assert "Level: Individual level" in html
    assert "individuell level" not in html
    # A search that only begins a name still gets the correction.
    assert "individuell level" in client.get("/en/sok/?q=individual+lev").content.decode()


def test_the_terms_are_read_once_for_every_search_not_per_content_version(
    client, monkeypatch, django_assert_num_queries
):
    from django.core.cache import cache

    from pluginnovation.discovery import term_search
    from pluginnovation.discovery.cache import bump

    monkeypatch.setattr(term_search, "caching_allowed", lambda: True)
    cache.delete(term_search.TERMS_KEY)
    first = term_search.current_terms()
    bump()  # a publish
    with django_assert_num_queries(0):
        assert term_search.current_terms() == first
    cache.delete(term_search.TERMS_KEY)


def test_a_search_whose_matches_are_kept_does_not_read_the_terms(client, monkeypatch):
    from pluginnovation.discovery import cache as discovery_cache
    from pluginnovation.discovery import term_search

    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    reads = []
    real = term_search.current_terms
    monkeypatch.setattr(term_search, "current_terms", lambda: reads.append(1) or real())
    client.get("/sok/?q=nyanlända")
    client.get("/sok/?q=nyanlända")
    assert reads == [1]
