"""Evidence and effort on methods: shown as text on the page and the cards, filtered and sorted
in the listings, explained at /om/evidens/."""

from decimal import Decimal

from django.db import models
from django.utils import translation

from wagtail.models import Page, PageViewRestriction

import pytest

from methods.evidence import EvidenceLevel, KnowledgeBasis
from methods.models import EvidencePage, MethodIndexPage, MethodPage
from pluginnovation.home.models import StandardPage
from research.models import ResearchArticlePage
from tests.discovery_support import add_page, listed

pytestmark = pytest.mark.django_db


ORIGIN = "http://testserver"


def method(title, basis="", level=None, hours=None, **fields):
    return add_page(
        MethodPage,
        title,
        knowledge_basis=basis,
        evidence_level=level,
        staff_hours_per_week=Decimal(hours) if hours is not None else None,
        tags=["evidensprov"],
        **fields,
    )


@pytest.fixture
def methods():
    return {
        "stark": method("Stark metod", KnowledgeBasis.BOTH, 4, "3"),
        "forskning": method("Forskad metod", KnowledgeBasis.RESEARCH, 3, "0.5"),
        "erfarenhet": method("Beprövad metod", KnowledgeBasis.EXPERIENCE, 1, "8.3"),
        "okand": method("Obedömd metod"),
    }


def titles(response):
    return [page.title for page in listed(response)]


def test_the_method_page_states_evidence_and_effort_in_words(client, methods):
    html = client.get(methods["forskning"].url).content.decode()
    assert "Kunskapsläge och insats" in html
    assert "Vetenskaplig grund" in html
    assert "3 av 4: Uppföljda resultat eller en studie" in html
    assert "0,5 timmar per vecka" in html
    unknown = client.get(methods["okand"].url).content.decode()
    assert unknown.count("uppgift saknas") >= 5


@pytest.mark.parametrize(
    "hours, text",
    [("1", "1 timme per vecka"), ("1.0", "1 timme per vecka"), ("2", "2 timmar per vecka")],
)
def test_staff_time_is_in_singular_for_one_hour_on_the_page_and_in_print(client, hours, text):
    page = method("Timmetoden", KnowledgeBasis.BOTH, 2, hours)
    saved = client.post("/samling/spara/", {"sida": page.pk, "next": "/"}, HTTP_ORIGIN=ORIGIN)
    assert saved.status_code == 302
    # The page, and the printed pack of Min samling.
    for url in (page.url, "/samling/skriv-ut/"):
        html = " ".join(client.get(url).content.decode().split())
        assert text in html, url
        assert "1 timmar" not in html


def test_the_method_page_counts_its_supporting_research_and_case_studies(client, methods):
    from methods.models import MethodRelatedPage

    study = add_page(ResearchArticlePage, "Studie som stöder")
    MethodRelatedPage.objects.create(page_owner=methods["stark"], page=study, sort_order=0)
    html = client.get(methods["stark"].url).content.decode()
    assert "1 forskningsartikel i kunskapsbanken" in html


def test_every_method_card_shows_the_facts_as_text(client, methods):
    html = client.get("/utforska/?tagg=evidensprov").content.decode()
    cards = html.split('<li class="card card--method')[1:]
    assert len(cards) == 4
    for card in cards:
        assert "<dt>Kunskapsgrund</dt>" in card and "<dt>Evidensstyrka</dt>" in card
        assert "<dt>Personaltid</dt>" in card
    stark = next(card for card in cards if "Stark metod" in card)
    assert "4 av 4: Flera studier med jämförelsegrupp" in stark and "3 tim/vecka" in stark


def test_related_cards_show_a_methods_facts_without_extra_queries(client, methods):
    from pluginnovation.discovery.related import related_pages

    shown = [page for page in related_pages(methods["forskning"]) if isinstance(page, MethodPage)]
    assert shown
    for page in shown:
        # Read from the related query itself, and written as on the method's own card.
        stored = MethodPage.objects.get(pk=page.pk)
        assert page.card_facts() == stored.card_facts()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kunskapsgrund=vetenskaplig-grund", {"Stark metod", "Forskad metod"}),
        ("kunskapsgrund=beprovad-erfarenhet", {"Stark metod", "Beprövad metod"}),
        ("evidens=4", {"Stark metod"}),
        ("evidens=1&evidens=3", {"Forskad metod", "Beprövad metod"}),
        ("kunskapsgrund=beprovad-erfarenhet&evidens=4", {"Stark metod"}),
    ],
)
def test_filters_by_knowledge_basis_and_evidence(client, methods, query, expected):
    response = client.get(f"/utforska/?tagg=evidensprov&{query}")
    assert set(titles(response)) == expected


def test_filter_counts_match_what_a_click_would_list(client, methods):
    response = client.get("/utforska/?tagg=evidensprov")
    groups = {group.facet.param: group for group in response.context["facet_groups"]}
    for param in ("kunskapsgrund", "evidens"):
        for option in groups[param].options:
            listed_there = client.get(f"/utforska/?tagg=evidensprov&{param}={option.value}")
            assert option.count == listed_there.context["result_count"], (param, option.value)


def test_sorts_by_evidence_strength_and_by_effort(client, methods):
    by_evidence = titles(client.get("/utforska/?tagg=evidensprov&ordning=evidens"))
    assert by_evidence == ["Stark metod", "Forskad metod", "Beprövad metod", "Obedömd metod"]
    by_effort = titles(client.get("/utforska/?tagg=evidensprov&ordning=insats"))
    assert by_effort == ["Forskad metod", "Stark metod", "Beprövad metod", "Obedömd metod"]


def test_the_method_index_offers_the_sorts_and_keeps_them_with_filters(client, methods):
    index = methods["stark"].get_parent()
    assert isinstance(index.specific, MethodIndexPage)
    response = client.get(f"{index.url}?tagg=evidensprov&ordning=evidens")
    assert titles(response)[0] == "Stark metod"
    html = response.content.decode()
    assert "Starkast evidens först" in html and "Minst personaltid först" in html
    assert 'name="ordning" value="evidens"' in html  # the filter form keeps the sort
    remove = response.context["active_filters"][0].remove_url
    assert "ordning=evidens" in remove


def test_research_listings_offer_no_method_filters(client):
    from research.models import ResearchIndexPage

    response = client.get(ResearchIndexPage.objects.live().first().url)
    params = {group.facet.param for group in response.context["facet_groups"]}
    assert "evidens" not in params and "kunskapsgrund" not in params
    # Research has a sort of its own (by the publication's year), not the methods'.
    sorts = [link["label"] for link in response.context["sort_links"]]
    assert sorts == ["Nyast först", "Nyast utgivna först"]


@pytest.mark.parametrize(
    "query",
    ["ordning=baklänges", "ordning=" + "x" * 500, "evidens=9", "evidens=²", "kunskapsgrund=<b>"],
)
def test_unknown_sorts_and_evidence_values_are_ignored_with_a_message(client, methods, query):
    response = client.get(f"/utforska/?tagg=evidensprov&{query}")
    assert response.status_code == 200
    assert "ignorerades" in response.context["filter_message"]
    assert len(listed(response)) == 4


def test_the_evidence_page_explains_every_step_of_the_scale(client):
    about = StandardPage.objects.get(slug="om")
    page = EvidencePage.objects.get(locale__language_code="sv")
    assert page.get_parent().pk == about.pk and page.url == "/om/evidens/"
    html = client.get("/om/evidens/").content.decode()
    for level in EvidenceLevel:
        assert f"Steg {level.value}: {level.label}" in html
    for basis in KnowledgeBasis:
        assert str(basis.label) in html


def test_the_method_page_links_to_the_evidence_explanation(client, methods):
    html = client.get(methods["stark"].url).content.decode()
    assert 'href="/om/evidens/"' in html


@pytest.mark.parametrize("hide", ["restrict", "unpublish"])
def test_no_link_to_an_evidence_page_a_visitor_may_not_see(
    client, methods, hide, django_capture_on_commit_callbacks
):
    page = EvidencePage.objects.get(locale__language_code="sv")
    with django_capture_on_commit_callbacks(execute=True):
        if hide == "restrict":
            PageViewRestriction.objects.create(page=page, restriction_type="login")
        else:
            page.unpublish()
    html = client.get(methods["stark"].url).content.decode()
    assert 'href="/om/evidens/"' not in html
    assert "så bedömer vi evidens" not in html


def test_every_demo_method_has_its_evidence_filled_in():
    for page in MethodPage.objects.filter(pk__in=Page.objects.live().values("pk")):
        if "evidensprov" in {tag.name for tag in page.tags.all()}:
            continue
        assert page.knowledge_basis and page.evidence_level, page.slug


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_labels_are_django_s_own_for_every_value_and_an_unknown_one(language):
    """MethodPage reads its choice labels without Django's get_FOO_display; what a visitor reads
    is the same, in both languages, also for a value the choices no longer have."""
    fields = {
        "knowledge_basis": [*KnowledgeBasis.values, "", None, "nedlagd-grund"],
        "evidence_level": [*EvidenceLevel.values, None, 9, "1", True],
    }
    with translation.override(language):
        for name, values in fields.items():
            field = MethodPage._meta.get_field(name)
            for value in values:
                page = MethodPage(**{name: value})
                ours = getattr(page, f"get_{name}_display")()
                assert ours == models.Model._get_FIELD_display(page, field), (name, value)
    # Translated as it is read, not when the class was defined.
    with translation.override("en"):
        assert (
            MethodPage(evidence_level=1).get_evidence_level_display() == "Single local experience"
        )


def test_a_methods_evidence_is_read_once_per_content_version(
    client, methods, monkeypatch, django_assert_max_num_queries
):
    """The linked research and case studies, their success factors and the address of the
    explanation: 3–4 ms of queries on every request of a method page at 10,000 pages. A new
    link, or the linked page unpublished, is seen on the next request."""
    from methods.models import MethodRelatedPage
    from pluginnovation.discovery import cache as discovery_cache

    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    page = methods["stark"]
    study = add_page(ResearchArticlePage, "Studie som stöder")
    MethodRelatedPage.objects.create(page_owner=page, page=study, sort_order=0)
    other = add_page(ResearchArticlePage, "Ännu en studie", factors=())

    def evidence_queries():
        with django_assert_max_num_queries(60) as captured:
            html = client.get(page.url).content.decode()
        tables = (
            "methods_methodrelatedpage",
            "methods_evidencepage",
            "content_contentpage_factors",
        )
        return html, [q["sql"] for q in captured if any(t in q["sql"] for t in tables)]

    html, first = evidence_queries()
    assert first and "Studie som stöder" in html and 'href="/om/evidens/"' in html
    html, again = evidence_queries()
    assert not again
    assert "1 forskningsartikel i kunskapsbanken" in html and 'href="/om/evidens/"' in html

    # A link added in code, without publishing the method, is a new version too.
    MethodRelatedPage.objects.create(page_owner=page, page=other, sort_order=1)
    html, _ = evidence_queries()
    assert "2 forskningsartiklar i kunskapsbanken" in html and "Ännu en studie" in html

    other.unpublish()
    study.unpublish()
    html, _ = evidence_queries()
    assert "Studie som stöder" not in html
    assert "inga forskningsartiklar eller fallstudier i kunskapsbanken ännu" in html


def test_a_preview_shows_the_links_being_edited_not_the_kept_ones(client, methods, monkeypatch):
    from methods.models import MethodRelatedPage
    from pluginnovation.discovery import cache as discovery_cache

    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    page = methods["stark"]
    # Sharing no category with the method, they are not among its related content.
    saved = add_page(ResearchArticlePage, "Sparad studie", factors=())
    edited = add_page(ResearchArticlePage, "Studie i förhandsvisningen", factors=())
    MethodRelatedPage.objects.create(page_owner=page, page=saved, sort_order=0)
    assert "Sparad studie" in client.get(page.url).content.decode()  # now kept

    page = MethodPage.objects.get(pk=page.pk)
    page.related_links = [MethodRelatedPage(page=edited, sort_order=0)]  # in memory only
    preview = page.make_preview_request().content.decode()
    assert "Studie i förhandsvisningen" in preview and "Sparad studie" not in preview

    public = client.get(page.url).content.decode()
    assert "Sparad studie" in public and "Studie i förhandsvisningen" not in public
