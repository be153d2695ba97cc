"""Faceted listings: /utforska/, the three index pages and the region sections."""

import datetime
import re
from urllib.parse import parse_qsl, urlsplit

from django.http import QueryDict

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import CaseStudyPage, RegionSectionPage
from methods.models import MethodPage
from pluginnovation.content.models import ContentPage
from pluginnovation.discovery.facets import MAX_VALUES, parse_selection
from research.models import ResearchArticlePage
from tests.discovery_support import add_page, listed

pytestmark = pytest.mark.django_db


def test_parameters_take_repeated_and_comma_separated_values():
    selection = parse_selection(
        QueryDict("faktor=samverkan&faktor=Flexibilitet,samverkan&faktor=&typ=metod,,&ar=2019")
    )
    assert selection.values == {
        "faktor": ["samverkan", "flexibilitet"],
        "typ": ["metod"],
        "ar": ["2019"],
    }
    assert selection.rejected == []


def test_impossible_values_are_rejected_without_asking_the_database():
    many = ",".join(f"v{i}" for i in range(MAX_VALUES + 3))
    selection = parse_selection(
        QueryDict(f"typ=video&ar=19999&ar=abcd&faktor=<b>&faktor=a b&kommun={many}")
    )
    assert {param for param, _value in selection.rejected} == {"typ", "ar", "faktor", "kommun"}
    assert len(selection.values["kommun"]) == MAX_VALUES
    assert "typ" not in selection.values and "faktor" not in selection.values


def test_or_within_a_facet_and_across_facets(client):
    both = add_page(MethodPage, "Metod om båda", factors=["samverkan", "flexibilitet"])
    one = add_page(MethodPage, "Metod om samverkan", factors=["samverkan"])
    other = add_page(ResearchArticlePage, "Forskning om flexibilitet", factors=["flexibilitet"])

    either = listed(client.get("/utforska/?faktor=samverkan,flexibilitet&ar=2024"))
    assert {both, one, other} <= set(either)

    methods = listed(client.get("/utforska/?faktor=flexibilitet&typ=metod&ar=2024"))
    assert both in methods and other not in methods and one not in methods


def test_every_option_counts_what_choosing_it_would_give(client):
    """The property behind the counts: an option's number is the result count of the listing
    with that option as its facet's only value, the other facets unchanged."""
    params = {"faktor": ["samverkan"], "typ": ["fallstudie", "metod"]}
    query = "faktor=samverkan&typ=fallstudie,metod"
    response = client.get(f"/utforska/?{query}")
    checked = 0
    for group in response.context["facet_groups"]:
        for option in group.options[:6]:
            others = {p: v for p, v in params.items() if p != group.facet.param}
            url = "/utforska/?" + "&".join(
                [f"{p}={','.join(v)}" for p, v in others.items()]
                + [f"{group.facet.param}={option.value}"]
            )
            assert client.get(url).context["result_count"] == option.count, url
            checked += 1
    assert checked > 20


def test_counts_match_the_database(client):
    response = client.get("/utforska/?faktor=samverkan")
    visible = ContentPage.objects.live().public()
    assert response.context["result_count"] == visible.filter(factors__slug="samverkan").count()
    types = {g.facet.param: g for g in response.context["facet_groups"]}["typ"]
    counts = {option.value: option.count for option in types.options}
    assert counts["fallstudie"] == (
        CaseStudyPage.objects.live().filter(factors__slug="samverkan").count()
    )


def test_results_are_newest_first_twenty_to_a_page(client):
    for day in range(1, 24):
        add_page(
            MethodPage, f"Sidmetod {day}", tags=["sidtest"], published=datetime.date(2023, 3, day)
        )
    first = client.get("/utforska/?tagg=sidtest")
    assert first.context["result_count"] == 23
    dates = [page.published_date for page in listed(first)]
    assert len(dates) == 20 and dates == sorted(dates, reverse=True)
    second = listed(client.get("/utforska/?tagg=sidtest&sida=2"))
    assert [page.title for page in second] == ["Sidmetod 3", "Sidmetod 2", "Sidmetod 1"]


def test_listed_items_are_specific_pages_with_their_factors(client, django_assert_max_num_queries):
    response = client.get("/utforska/")
    items = listed(response)
    assert {type(item) for item in items} <= {ResearchArticlePage, CaseStudyPage, MethodPage}
    with django_assert_max_num_queries(0):
        assert all(list(item.factors.all()) for item in items)


def test_active_filters_each_removable_and_clear_all(client):
    response = client.get("/utforska/?faktor=samverkan&typ=metod&q=ignored")
    active = {f"{a.label}: {a.name}": a.remove_url for a in response.context["active_filters"]}
    assert set(active) == {"Framgångsfaktor: Samverkan", "Typ av innehåll: Metoder"}
    assert parse_qsl(urlsplit(active["Framgångsfaktor: Samverkan"]).query) == [("typ", "metod")]
    assert response.context["clear_filters_url"] == "/utforska/"
    html = response.content.decode()
    assert ">Rensa alla</a>" in html
    assert 'href="/utforska/?typ=metod"' in html


def test_filter_form_is_plain_accessible_html(client):
    html = client.get("/utforska/?faktor=samverkan").content.decode()
    assert '<form class="facet-form" method="get" action="/utforska/"' in html
    legends = [text.strip() for text in re.findall(r'<legend class="facet__legend">([^<]+)', html)]
    assert legends[:2] == ["Framgångsfaktor", "Typ av innehåll"]
    assert re.search(
        r'<input type="checkbox" id="f-faktor-samverkan" name="faktor" value="samverkan" checked>'
        r'\s*<label for="f-faktor-samverkan">Samverkan <span class="facet__count">\(\d+\)',
        html,
    )
    assert '<button class="facet-form__submit" type="submit">Filtrera</button>' in html
    assert 'aria-live="polite"' in html
    assert " style=" not in html and "<script>" not in html


def test_index_pages_list_only_their_own_pages(client):
    research = listed(client.get("/forskning/"))
    assert research and all(isinstance(page, ResearchArticlePage) for page in research)
    section = RegionSectionPage.objects.get(region__slug="gr")
    response = client.get(section.url)
    assert all(page.regions.filter(slug="gr").exists() for page in listed(response))
    shown = {group.facet.param for group in response.context["facet_groups"]}
    assert "region" not in shown and "typ" not in shown and "kommun" in shown


def test_index_pages_take_the_same_parameters(client):
    add_page(ResearchArticlePage, "Forskning om unikt", tags=["unikt-nyckelord"])
    response = client.get("/forskning/?tagg=unikt-nyckelord&faktor=samverkan")
    assert [page.title for page in listed(response)] == ["Forskning om unikt"]
    assert 'name="tagg" value="unikt-nyckelord" checked' in response.content.decode()


def test_hidden_active_filters_survive_the_form(client):
    html = client.get("/forskning/?typ=forskning").content.decode()
    assert '<input type="hidden" name="typ" value="forskning">' in html


def test_unpublished_and_restricted_pages_are_not_listed(client):
    draft = add_page(MethodPage, "Opublicerad metod", tags=["dolt"], live=False)
    secret = add_page(MethodPage, "Lösenordsskyddad metod", tags=["dolt"])
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    shown = listed(client.get("/utforska/?tagg=dolt"))
    assert draft not in shown and secret not in shown
    assert client.get("/utforska/?tagg=dolt").context["result_count"] == 0
