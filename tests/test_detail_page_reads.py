"""Detail pages read their data in batches (see tests/test_query_counts.py for the counts);
these tests check that the batched reads show the same as reading one relation at a time."""

from wagtail.models import Page

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodIndexPage, MethodPage
from pluginnovation.content.categories import CATEGORIES, category_terms
from pluginnovation.discovery.related import related_pages
from pluginnovation.taxonomy.models import SuccessFactor, TargetGroup
from research.models import ResearchArticlePage
from tests.discovery_support import add_page

pytestmark = pytest.mark.django_db

DETAIL_MODELS = [ResearchArticlePage, CaseStudyPage, MethodPage]


def one_by_one(page):
    """Each category's terms read on their own, in the vocabulary's order."""
    return {
        category.field: [(t.name, t.slug) for t in getattr(page, category.field).all()]
        for category in CATEGORIES
    }


@pytest.mark.parametrize("model", DETAIL_MODELS)
def test_side_column_terms_are_those_read_one_facet_at_a_time(model):
    for page in model.objects.live():
        batched = {
            field: [(t.name, t.slug) for t in terms]
            for field, terms in category_terms(page).items()
        }
        assert batched == one_by_one(page), page


def test_keywords_keep_the_order_they_were_given_in():
    page = add_page(MethodPage, "Ordningen", tags=["zeta-ord", "alfa-ord", "mitt-ord"])
    tags = category_terms(page)["tags"]
    assert [tag.slug for tag in tags] == ["zeta-ord", "alfa-ord", "mitt-ord"]


def test_a_preview_shows_the_categories_being_edited():
    page = MethodPage.objects.live().first()
    saved = set(page.target_groups.all())
    edited = TargetGroup.objects.exclude(pk__in=[group.pk for group in saved]).first()
    page.target_groups = [edited]  # in memory only, as in the editor's preview
    page.tags.add("forhandsvisat-ord")

    html = page.make_preview_request().content.decode()

    assert f"malgrupp={edited.slug}" in html and "tagg=forhandsvisat-ord" in html
    assert not any(f"malgrupp={group.slug}" in html for group in saved)


def test_a_new_page_can_be_previewed_with_its_categories():
    parent = MethodIndexPage.objects.get()
    page = MethodPage(
        title="Ny metod i förhandsvisning",
        slug="ny-metod-i-forhandsvisning",
        summary="Kort.",
        purpose="Syfte.",
        audience="Mentorer.",
        time_and_resources="En timme.",
        steps=[("step", {"title": "Steg", "text": "<p>Gör så.</p>"})],
    )
    # What Wagtail's preview of a page being created sets up.
    page.depth = parent.depth + 1
    page.path = parent.get_last_child()._inc_path()
    page.set_url_path(parent)
    factor = SuccessFactor.objects.first()
    page.factors = [factor]

    response = page.make_preview_request()

    assert response.status_code == 200
    assert f'href="/framgangsfaktorer/{factor.slug}/"' in response.content.decode()


@pytest.mark.parametrize("model", DETAIL_MODELS)
def test_every_level_of_an_address_routes_as_before(client, model):
    page = model.objects.live().first()
    response = client.get(page.url)
    assert response.status_code == 200
    assert response.context["page"] == page and type(response.context["page"]) is model
    # A wrong slug at any level, or a path going on past the page, is not found.
    parts = page.url.strip("/").split("/")
    for level in range(len(parts)):
        wrong = parts[:level] + ["finns-inte"] + parts[level + 1 :]
        assert client.get("/" + "/".join(wrong) + "/").status_code == 404
    assert client.get(page.url + "finns-inte/").status_code == 404


def test_a_draft_under_a_live_index_is_not_found(client):
    draft = add_page(MethodPage, "Ett utkast", live=False)
    assert draft.url and client.get(draft.url).status_code == 404


@pytest.mark.parametrize("model", DETAIL_MODELS)
def test_related_pages_and_evidence_carry_what_their_cards_show(model, django_assert_num_queries):
    page = model.objects.live().first()
    cards = related_pages(page)
    if isinstance(page, MethodPage):
        cards += page.related_evidence
    assert cards
    with django_assert_num_queries(0):
        for card in cards:
            assert card.title and card.summary and card.published_date and card.url
            assert card.type_label == type(card)._meta.verbose_name.capitalize()
    for card in cards:
        stored = Page.objects.get(pk=card.pk).specific
        assert type(card) is type(stored)
        assert (card.title, card.summary) == (stored.title, stored.summary)
