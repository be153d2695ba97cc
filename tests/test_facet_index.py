"""The facet index (pluginnovation.discovery.facet_index): counts from bit sets kept per bucket
of page ids, checked against the database, and renewed bucket by bucket as pages change."""

from django.core.cache import cache

from wagtail.models import PageViewRestriction

import pytest

from methods.models import MethodPage
from pluginnovation.content.models import ContentPage
from pluginnovation.discovery import buckets, facet_index
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.discovery.facets import FACETS, Scope, Selection, filtered
from pluginnovation.discovery.listing import hidden_pages, pages_below, restricted_paths
from pluginnovation.taxonomy.models import SuccessFactor
from research.models import ResearchArticlePage
from tests.discovery_support import add_page, record_calls, small_buckets
from tests.factories import TargetGroupFactory

pytestmark = pytest.mark.django_db

SELECTIONS = [
    {},
    {"faktor": ["samverkan"]},
    {"faktor": ["samverkan", "uppfoljning"], "typ": ["metod"]},
    {"typ": ["fallstudie"], "kommungrupp": ["a1", "b3"]},
    {"malgrupp": ["nationella-program"], "ar": ["2016", "2024"]},
    {"evidens": ["3", "4"], "kunskapsgrund": ["vetenskaplig-grund"]},
    {"region": ["gr"], "projekt": ["plug-in"], "niva": ["individ"]},
]


def scope(within=None):
    return Scope(hidden=hidden_pages(), within=within, restricted=tuple(restricted_paths()))


def database_count(within, values):
    """The oracle: what the listing itself would hold, counted by the database."""
    return filtered(scope(within), Selection(values)).count()


def check_against_the_database(within, values):
    result = facet_index.count_facets(scope(within), Selection(dict(values)))
    assert result.total == database_count(within, values), values
    checked = 0
    for group in result.groups:
        for option in group.options:
            asked = {p: v for p, v in values.items() if p != group.facet.param}
            asked[group.facet.param] = [option.value]
            assert option.count == database_count(within, asked), (values, option)
            checked += 1
    return checked


@pytest.mark.parametrize("values", SELECTIONS)
def test_every_count_is_what_the_database_counts(values):
    # A draft and a page below a view restriction are in the content, and in no count.
    add_page(MethodPage, "Utkast", live=False, factors=("samverkan",))
    secret = add_page(MethodPage, "Bakom lösenord", factors=("samverkan",))
    PageViewRestriction.objects.create(page=secret.get_parent(), password="hemligt")
    assert check_against_the_database(None, values) > 20


def test_counts_within_an_index_and_within_search_hits():
    index = ResearchArticlePage.objects.live().first().get_parent()
    hits = list(ContentPage.objects.live().order_by("pk").values_list("pk", flat=True)[::3])
    for within in (pages_below(index), hits):
        for values in SELECTIONS[:3]:
            check_against_the_database(within, values)


@pytest.fixture
def caching(monkeypatch):
    """Caching on, with small buckets so the demo content fills several."""
    small_buckets(monkeypatch, 16)
    yield
    cache.clear()


@pytest.fixture
def loaded_ranges(monkeypatch):
    """The page id ranges each load read from the database."""
    return record_calls(monkeypatch, facet_index, "bucket_rows", lambda ranges, _r: ranges)


def total(**values):
    return facet_index.count_facets(scope(), Selection(values)).total


def test_a_changed_page_renews_its_bucket_only(caching, loaded_ranges):
    page = add_page(MethodPage, "Metod i en hink", factors=("samverkan",))
    before = total(faktor=["samverkan"])
    total(faktor=["samverkan"])  # every bucket now has a version and is kept
    loaded_ranges.clear()
    assert total(faktor=["samverkan"]) == before
    assert loaded_ranges == []  # every bucket came from the cache

    page.unpublish()
    assert total(faktor=["samverkan"]) == before - 1
    bucket = page.pk // buckets.INDEX_SIZE
    start = bucket * buckets.INDEX_SIZE
    assert loaded_ranges == [[(start, start + buckets.INDEX_SIZE)]]


def test_a_changed_page_renews_only_its_part_of_a_large_bucket(monkeypatch, loaded_ranges):
    """A bucket this process read before is read again only where the rankings' smaller
    buckets within it changed; every count stays the database's."""
    small_buckets(monkeypatch, 64, small_size=4)
    page = add_page(MethodPage, "Metod i en stor hink", factors=("samverkan",))
    total(faktor=["samverkan"])
    loaded_ranges.clear()

    page.unpublish()
    check_against_the_database(None, {"faktor": ["samverkan"]})
    start = page.pk - page.pk % 4
    assert loaded_ranges == [[(start, start + 4)]]

    # Published again with another success factor: its bits move from one value to another.
    page.factors.set(SuccessFactor.objects.filter(slug="flexibilitet"))
    page.save_revision().publish()
    assert check_against_the_database(None, SELECTIONS[2]) > 20
    assert check_against_the_database(None, {"faktor": ["flexibilitet"]}) > 20
    cache.clear()


def test_a_new_view_restriction_hides_pages_in_every_bucket(caching):
    page = add_page(MethodPage, "Snart skyddad", factors=("samverkan",))
    before = total(faktor=["samverkan"])
    total(faktor=["samverkan"])
    PageViewRestriction.objects.create(page=page.get_parent(), password="hemligt")
    assert total(faktor=["samverkan"]) == before - 1


def test_a_renamed_term_is_counted_under_its_new_name(caching):
    group = TargetGroupFactory(name="Före namnbytet")
    add_page(MethodPage, "Metod med målgrupp", target_groups=[group])

    def names():
        result = facet_index.count_facets(scope(), Selection())
        return {o.name for g in result.groups for o in g.options if g.facet.param == "malgrupp"}

    assert "Före namnbytet" in names()
    group.name = "Efter namnbytet"
    group.save()
    assert "Efter namnbytet" in names()


def test_a_page_beyond_every_bucket_is_counted(caching):
    before = total(faktor=["samverkan"])
    total(faktor=["samverkan"])
    # A new page: its id is past the highest bucket so far (buckets of 16 ids).
    for n in range(20):
        add_page(MethodPage, f"Ny metod {n}", factors=("samverkan",))
    assert total(faktor=["samverkan"]) == before + 20


def test_every_facet_is_counted():
    result = facet_index.count_facets(scope(), Selection())
    assert {g.facet.param for g in result.groups} == {f.param for f in FACETS}
    assert all(sum(o.count for o in g.options) > 0 for g in result.groups)


def test_nothing_is_used_longer_than_five_minutes_after_it_was_read(caching):
    """A change made without signals (here a raw update) is seen once what was read before
    it is older than MAX_AGE, in this process's memory as in the shared cache."""
    page = add_page(MethodPage, "Metod som tas ner utan signal", factors=("samverkan",))
    before = total(faktor=["samverkan"])
    total(faktor=["samverkan"])
    MethodPage.objects.filter(pk=page.pk).update(live=False)
    assert total(faktor=["samverkan"]) == before
    for bucket in facet_index._memo.values():
        bucket.made -= discovery_cache.MAX_AGE + 1
    cache.clear()
    assert total(faktor=["samverkan"]) == before - 1


def test_a_new_keyword_can_be_chosen_at_once(caching):
    add_page(MethodPage, "Första metoden", tags=["gammalt nyckelord"])
    assert total(tagg=["gammalt-nyckelord"]) == 1  # the keywords are now kept
    add_page(MethodPage, "Andra metoden", tags=["zyxnytt nyckelord"])
    # Not dropped as an unknown keyword (which would list everything).
    assert total(tagg=["zyxnytt-nyckelord"]) == 1


@pytest.mark.parametrize("values", SELECTIONS[:4])
def test_counts_from_kept_buckets_are_what_the_database_counts(caching, values):
    add_page(MethodPage, "Utkast i en hink", live=False, factors=("samverkan",))
    check_against_the_database(None, values)  # the buckets are read and kept
    check_against_the_database(None, values)  # now from the kept buckets
    index = ResearchArticlePage.objects.live().first().get_parent()
    check_against_the_database(pages_below(index), values)


def test_research_is_filed_under_the_year_it_came_out(client):
    """A report from 2012 put on the site in 2020 is found under 2012, where its card says it
    belongs; other content under the year it was published here."""
    import datetime

    article = add_page(
        ResearchArticlePage, "Rapport om frånvaro", year=2012, published=datetime.date(2020, 2, 10)
    )
    method = add_page(MethodPage, "Mentorssamtal varje vecka", published=datetime.date(2020, 3, 1))
    listing = article.get_parent().url
    assert "Rapport om frånvaro" in client.get(listing + "?ar=2012").text
    assert "Rapport om frånvaro" not in client.get(listing + "?ar=2020").text
    assert 'value="2012"' in client.get(listing).text  # offered as a year to choose
    explore = client.get("/utforska/?ar=2020").text
    assert "Mentorssamtal varje vecka" in explore
    assert "Rapport om frånvaro" not in explore
    assert method.live
    check_against_the_database(None, {"ar": ["2012"]})
    check_against_the_database(None, {"ar": ["2020"], "typ": ["forskning"]})
