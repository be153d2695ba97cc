"""Faceted listings: /utforska/, the three index pages and the region sections."""

import datetime
import re
from urllib.parse import parse_qsl, urlsplit

from django.http import QueryDict

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.discovery.facets import MAX_VALUES, parse_selection
from research.models import ResearchArticlePage
from tests.discovery_support import listed
from tests.factories import (
    CaseStudyPageFactory,
    InterventionTypeFactory,
    LevelFactory,
    MethodPageFactory,
    ProjectFactory,
    RegionSectionPageFactory,
    ResearchArticlePageFactory,
    TargetGroupFactory,
    content_tree,
    factors,
    site_root,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return content_tree(site_root())


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


def test_or_within_a_facet_and_across_facets(client, tree):
    scope = {"parent": tree.methods, "tags": ["eller-och"]}
    both = MethodPageFactory(**scope, factors=factors("samverkan", "flexibilitet"))
    one = MethodPageFactory(**scope, factors=factors("samverkan"))
    neither = MethodPageFactory(**scope, factors=factors("bemotande"))
    other = ResearchArticlePageFactory(
        parent=tree.research, tags=["eller-och"], factors=factors("flexibilitet")
    )

    either = listed(client.get("/utforska/?tagg=eller-och&faktor=samverkan,flexibilitet"))
    assert set(either) == {both, one, other}
    assert neither not in either

    methods = listed(client.get("/utforska/?tagg=eller-och&faktor=flexibilitet&typ=metod"))
    assert methods == [both]


def test_every_option_counts_what_choosing_it_would_give(client, tree):
    """The property behind the counts: an option's number is the result count of the listing
    with that option as its facet's only value, the other facets unchanged.

    The keyword keeps every listing to the pages built here. Its own group is left out: its
    options are counted without it, over the whole site."""
    individ, organisation = LevelFactory(slug="individ"), LevelFactory(slug="organisation")
    framjande, atgardande = (InterventionTypeFactory(slug=s) for s in ("framjande", "atgardande"))
    p1, p2 = ProjectFactory(), ProjectFactory()
    t1, t2 = TargetGroupFactory(), TargetGroupFactory()
    other_section = RegionSectionPageFactory(parent=tree.case_studies)
    scope = {"tags": ["raknetest"]}
    CaseStudyPageFactory(
        parent=tree.section,
        **scope,
        projects=[p1],
        target_groups=[t1],
        levels=[individ],
        intervention_types=[framjande],
        published_date=datetime.date(2022, 5, 1),
    )
    CaseStudyPageFactory(
        parent=other_section,
        **scope,
        factors=factors("samverkan", "uppfoljning"),
        projects=[p2],
        target_groups=[t1, t2],
        levels=[organisation],
        published_date=datetime.date(2023, 5, 1),
    )
    MethodPageFactory(
        parent=tree.methods,
        **scope,
        projects=[p1, p2],
        target_groups=[t2],
        levels=[individ],
        intervention_types=[atgardande],
        published_date=datetime.date(2023, 6, 1),
    )
    MethodPageFactory(parent=tree.methods, **scope, factors=factors("flexibilitet"), projects=[p1])
    ResearchArticlePageFactory(
        parent=tree.research, **scope, projects=[p2], regions=[tree.section.region]
    )
    ResearchArticlePageFactory(parent=tree.research, **scope, factors=factors("bemotande"))

    params = {"tagg": ["raknetest"], "faktor": ["samverkan"], "typ": ["fallstudie", "metod"]}
    query = "&".join(f"{p}={','.join(v)}" for p, v in params.items())
    response = client.get(f"/utforska/?{query}")
    assert response.context["result_count"] == 3
    checked = nonzero = 0
    for group in response.context["facet_groups"]:
        if group.facet.param == "tagg":
            continue
        for option in group.options:
            others = {p: v for p, v in params.items() if p != group.facet.param}
            url = "/utforska/?" + "&".join(
                [f"{p}={','.join(v)}" for p, v in others.items()]
                + [f"{group.facet.param}={option.value}"]
            )
            assert client.get(url).context["result_count"] == option.count, url
            checked += 1
            nonzero += option.count > 0
    # Every facet but the keyword has at least two options with hits among the pages above.
    assert nonzero >= 20 and checked >= nonzero


def test_counts_are_of_the_visible_pages_that_match(client, tree):
    scope = {"tags": ["antalstest"]}
    CaseStudyPageFactory.create_batch(2, parent=tree.section, **scope)
    MethodPageFactory(parent=tree.methods, **scope)
    MethodPageFactory(parent=tree.methods, **scope, factors=factors("flexibilitet"))
    ResearchArticlePageFactory(
        parent=tree.research, **scope, factors=factors("samverkan", "flexibilitet")
    )
    CaseStudyPageFactory(parent=tree.section, **scope, live=False)

    response = client.get("/utforska/?tagg=antalstest&faktor=samverkan")
    assert response.context["result_count"] == 4
    groups = {
        g.facet.param: {o.value: o.count for o in g.options}
        for g in response.context["facet_groups"]
    }
    assert groups["typ"] == {"forskning": 1, "fallstudie": 2, "metod": 1}
    assert groups["faktor"] == {"uppfoljning": 0, "flexibilitet": 2, "samverkan": 4, "bemotande": 0}


def test_results_are_newest_first_twenty_to_a_page(client, tree):
    for day in range(1, 24):
        MethodPageFactory(
            parent=tree.methods,
            title=f"Sidmetod {day}",
            tags=["sidtest"],
            published_date=datetime.date(2023, 3, day),
        )
    first = client.get("/utforska/?tagg=sidtest")
    assert first.context["result_count"] == 23
    dates = [page.published_date for page in listed(first)]
    assert len(dates) == 20 and dates == sorted(dates, reverse=True)
    second = listed(client.get("/utforska/?tagg=sidtest&sida=2"))
    assert [page.title for page in second] == ["Sidmetod 3", "Sidmetod 2", "Sidmetod 1"]


def test_listed_items_are_specific_pages_with_their_factors(
    client, tree, django_assert_max_num_queries
):
    scope = {"tags": ["typtest"]}
    built = [
        ResearchArticlePageFactory(parent=tree.research, **scope, factors=factors("flexibilitet")),
        CaseStudyPageFactory(
            parent=tree.section, **scope, factors=factors("uppfoljning", "samverkan")
        ),
        MethodPageFactory(parent=tree.methods, **scope, factors=factors("bemotande")),
    ]
    items = listed(client.get("/utforska/?tagg=typtest"))
    assert {type(item) for item in items} == {ResearchArticlePage, CaseStudyPage, MethodPage}
    with django_assert_max_num_queries(0):
        shown = {item.pk: [factor.slug for factor in item.factors.all()] for item in items}
    assert shown == {page.pk: [f.slug for f in page.factors.all()] for page in built}


def test_active_filters_each_removable_and_clear_all(client):
    response = client.get("/utforska/?faktor=samverkan&typ=metod&q=ignored")
    active = {f"{a.label}: {a.name}": a.remove_url for a in response.context["active_filters"]}
    assert set(active) == {"Framgångsfaktor: Samverkan", "Typ av innehåll: Metoder"}
    assert parse_qsl(urlsplit(active["Framgångsfaktor: Samverkan"]).query) == [("typ", "metod")]
    assert response.context["clear_filters_url"] == "/utforska/"
    html = response.content.decode()
    assert ">Rensa alla</a>" in html
    assert 'href="/utforska/?typ=metod#results-heading"' in html


def test_filter_form_is_plain_accessible_html(client):
    html = client.get("/utforska/?faktor=samverkan").content.decode()
    assert '<form class="facet-form" method="get" action="/utforska/#results-heading"' in html
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


def test_option_names_and_values_are_escaped(client, tree):
    group = TargetGroupFactory(name='<b>"Zyx"</b> & co', slug="zyx")
    MethodPageFactory(parent=tree.methods, target_groups=[group])
    html = client.get("/utforska/?malgrupp=zyx").content.decode()
    assert (
        '<input type="checkbox" id="f-malgrupp-zyx" name="malgrupp" value="zyx" checked>'
        '<label for="f-malgrupp-zyx">&lt;b&gt;&quot;Zyx&quot;&lt;/b&gt; &amp; co '
        '<span class="facet__count">(1)</span>' in html
    )
    assert '<b>"Zyx"' not in html


@pytest.mark.parametrize("how", ["draft", "password", "draft revision of a live page"])
def test_a_keyword_only_private_pages_carry_is_unknown_to_listings(client, tree, how):
    """Else a listing tells whether a guessed keyword exists, and prints its stored name."""
    if how == "draft":
        MethodPageFactory(parent=tree.methods, live=False, tags=["Zyxhemligt"])
    elif how == "password":
        page = MethodPageFactory(parent=tree.methods, tags=["Zyxhemligt"])
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    else:
        page = MethodPageFactory(parent=tree.methods)
        page.tags.add("Zyxhemligt")
        page.save_revision()  # saving a draft stores its keywords' names
    for url in (
        "/utforska/?tagg=zyxhemligt",
        "/metoder/?tagg=zyxhemligt",
        "/sok/?q=elever&tagg=zyxhemligt",
    ):
        html = client.get(url).content.decode()
        assert "Zyxhemligt" not in html, url
        assert "Okänt filtervärde ignorerades: tagg=zyxhemligt" in html, url
    # Once a page anyone may see carries it, it is a filter like any other.
    MethodPageFactory(parent=tree.methods, tags=["Zyxhemligt"])
    html = client.get("/utforska/?tagg=zyxhemligt").content.decode()
    assert "Okänt filtervärde" not in html and "Zyxhemligt" in html


@pytest.mark.parametrize(
    "url, title",
    [
        ("/utforska/", "Utforska allt innehåll – PlugInnovation"),
        ("/utforska/?sida=2", "Utforska allt innehåll, sida 2 – PlugInnovation"),
        ("/utforska/?faktor=samverkan", "Utforska allt innehåll (filtrerat) – PlugInnovation"),
        ("/fallstudier/?faktor=samverkan", "Fallstudier (filtrerat) – PlugInnovation"),
        ("/en/utforska/?sida=2", ", page 2 – PlugInnovation"),
        ("/sok/?q=elever&sida=2", "Sökresultat för ”elever”, sida 2 – PlugInnovation"),
    ],
)
def test_the_title_says_which_page_of_results_and_whether_filtered(client, url, title):
    """Each page of a listing is a page of its own for a screen reader's title and a tab."""
    html = client.get(url).content.decode()
    assert title in re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_an_index_pages_title_names_its_page_of_results(client, tree):
    for _ in range(21):
        MethodPageFactory(parent=tree.methods)
    html = client.get(tree.methods.url + "?sida=2").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title == f"{tree.methods.title}, sida 2 – PlugInnovation"


@pytest.mark.parametrize("asked", ["3", "99", "9" * 30])
def test_a_page_number_past_the_end_is_titled_as_the_page_shown(client, tree, asked):
    """The title names the page of results shown, not the number asked for."""
    for _ in range(21):
        MethodPageFactory(parent=tree.methods)
    for url in (tree.methods.url, "/utforska/"):
        response = client.get(url, {"sida": asked})
        shown = response.context["items"]
        # Junk (too many digits) shows the first page, a number past the end the last.
        assert shown.number == (1 if len(asked) > 9 else shown.paginator.num_pages) > 0
        title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)
        named = re.search(r", sida (\d+) –", title)
        assert (int(named.group(1)) if named else 1) == shown.number, url
        # The canonical address names the same page.
        html = response.content.decode()
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        expected = f"?sida={shown.number}" if shown.number > 1 else ""
        assert canonical.endswith(url + expected), (url, canonical)


def test_a_search_without_hits_names_no_page_number(client):
    html = client.get("/sok/", {"q": "zyxingenträff", "sida": "99999"}).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "sida" not in title and "99999" not in title


def test_index_pages_list_only_their_own_pages(client, tree):
    article = ResearchArticlePageFactory(parent=tree.research)
    MethodPageFactory(parent=tree.methods)
    case_study = CaseStudyPageFactory(parent=tree.section)
    CaseStudyPageFactory(parent=RegionSectionPageFactory(parent=tree.case_studies))

    assert listed(client.get(tree.research.url)) == [article]
    response = client.get(tree.section.url)
    assert listed(response) == [case_study]
    shown = {group.facet.param for group in response.context["facet_groups"]}
    assert "region" not in shown and "typ" not in shown and "kommun" in shown


def test_index_pages_take_the_same_parameters(client, tree):
    ResearchArticlePageFactory(parent=tree.research, title="Forskning om unikt", tags=["unikt"])
    ResearchArticlePageFactory(parent=tree.research, title="Annan forskning")
    ResearchArticlePageFactory(parent=tree.research, tags=["unikt"], factors=factors("bemotande"))
    response = client.get(tree.research.url + "?tagg=unikt&faktor=samverkan")
    assert [page.title for page in listed(response)] == ["Forskning om unikt"]
    assert 'name="tagg" value="unikt" checked' in response.content.decode()


def test_hidden_active_filters_survive_the_form(client, tree):
    html = client.get(tree.research.url + "?typ=forskning").content.decode()
    assert '<input type="hidden" name="typ" value="forskning">' in html


def test_unpublished_and_restricted_pages_are_not_listed(client, tree):
    scope = {"parent": tree.methods, "tags": ["dolt"]}
    shown = MethodPageFactory(**scope)
    MethodPageFactory(**scope, live=False)
    secret = MethodPageFactory(**scope)
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    response = client.get("/utforska/?tagg=dolt")
    assert listed(response) == [shown]
    assert response.context["result_count"] == 1


def test_a_long_list_of_counties_shows_only_those_with_pages_and_the_chosen(client):
    """21 counties, most at (0), were a long scroll on a phone for nothing."""
    import re

    html = client.get("/fallstudier/").text
    shown = re.findall(r'name="lan" value="([^"]+)"', html)
    assert 0 < len(shown) < 21
    assert 'facet__option--empty"><input type="checkbox" id="f-lan-' not in html
    empty = next(
        slug
        for slug in ("stockholm", "uppsala", "gotland", "blekinge", "jamtland")
        if slug not in shown
    )
    chosen = client.get(f"/fallstudier/?lan={empty}").text
    assert f'name="lan" value="{empty}" checked' in chosen


def test_filtering_sorting_removing_and_paging_lead_to_the_results(client, tree):
    """Each of them reloads the page: without a target a keyboard user started again at the top,
    a hundred tabs before the results on a wide screen."""
    for day in range(1, 24):
        MethodPageFactory(parent=tree.methods, title=f"Ankarmetod {day}", tags=["ankartest"])
    html = client.get("/utforska/?tagg=ankartest&typ=metod").content.decode()
    assert '<form class="facet-form" method="get" action="/utforska/#results-heading"' in html

    def hrefs(pattern):
        return re.findall(pattern, html)

    sort = hrefs(r'<a href="([^"]*ordning=[^"]*)"')
    pages = hrefs(r'<a class="pagination__\w+" href="([^"]+)"')
    removes = hrefs(r'<a class="active-filters?(?:__clear)?" href="([^"]+)"')
    assert len(sort) >= 2 and pages and len(removes) == 3
    assert all(link.endswith("#results-heading") for link in sort + pages + removes)
    assert 'id="results-heading"' in html


def test_a_filter_of_one_content_type_says_so_where_all_types_are_listed(client):
    """On /sok/ "Skolform" looked like any filter: chosen, every method and research article
    went, with nothing to say that only case studies have a school form."""
    legends = {}
    for path in ("/utforska/", "/fallstudier/", "/en/utforska/"):
        html = client.get(path).content.decode()
        legends[path] = " ".join(
            re.sub(
                r"<[^>]+>",
                "",
                " ".join(re.findall(r'<legend class="facet__legend">(.*?)</legend>', html, re.S)),
            ).split()
        )
    assert "Skolform (bara fallstudier)" in legends["/utforska/"]
    assert "Kunskapsgrund (bara metoder)" in legends["/utforska/"]
    assert "Skolform" in legends["/fallstudier/"] and "bara" not in legends["/fallstudier/"]
    assert "(case studies only)" in legends["/en/utforska/"]


def test_the_way_out_of_no_results_leads_to_the_results_too(client):
    html = client.get("/utforska/?faktor=samverkan&typ=metod&ar=1951").content.decode()
    assert 'href="/utforska/#results-heading">visa allt utan filter</a>' in html


def test_a_filter_of_a_type_not_chosen_is_left_out(client):
    """With "Metoder" chosen, "Skolform (bara fallstudier)" listed every school form at (0)."""
    from casestudies.models import CaseStudyPage

    def legends(url):
        html = client.get(url).content.decode()
        return re.findall(r'<legend class="facet__legend">([^<]+)', html)

    methods_only = [legend.strip() for legend in legends("/utforska/?typ=metod")]
    assert "Kunskapsgrund" in methods_only and "Skolform" not in methods_only
    both = [legend.strip() for legend in legends("/utforska/?typ=metod&typ=fallstudie")]
    assert "Kunskapsgrund" in both and "Skolform" in both
    # One already chosen stays, so it can be seen and taken away.
    form = next(f for f in CaseStudyPage.listing_filters if f.param == "skolform")
    chosen = legends(f"/utforska/?typ=metod&skolform={form.options[0].value}")
    assert "Skolform" in [legend.strip() for legend in chosen]
