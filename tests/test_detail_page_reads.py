"""Detail pages read their data in batches (see tests/test_query_counts.py for the counts);
these tests check that the batched reads show the same as reading one relation at a time."""

from wagtail.models import Page

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodPage, MethodRelatedPage
from pluginnovation.content.categories import CATEGORIES, category_terms
from pluginnovation.discovery.related import related_pages
from research.models import ResearchArticlePage
from tests.discovery_support import FACTORIES, add_page
from tests.factories import (
    InterventionTypeFactory,
    LevelFactory,
    MethodIndexPageFactory,
    MunicipalityFactory,
    ProjectFactory,
    RegionFactory,
    TargetGroupFactory,
    content_tree,
    factors,
    site_root,
)

pytestmark = pytest.mark.django_db

DETAIL_MODELS = [ResearchArticlePage, CaseStudyPage, MethodPage]


def one_by_one(page):
    """Each category's terms read on their own, in the vocabulary's order."""
    return {
        category.field: [(t.name, t.slug) for t in getattr(page, category.field).all()]
        for category in CATEGORIES
    }


def filed_under_everything(model):
    """A page with terms in every category, two or more in each where the page type allows,
    given against their vocabulary's order (so a read that keeps the order they were stored
    in, or mixes up the categories, shows). Read back from the database, as a visitor's
    request reads it."""
    tree = content_tree(site_root())
    parents = {ResearchArticlePage: tree.research, CaseStudyPage: tree.section}
    fields = {}
    if model is not CaseStudyPage:
        # A case study's region and municipality follow from its section and are one each.
        fields = {
            "regions": [RegionFactory(name="Öregionen"), RegionFactory(name="Aregionen")],
            "municipalities": [
                MunicipalityFactory(name="Ökommunen"),
                MunicipalityFactory(name="Akommunen"),
            ],
        }
    page = FACTORIES[model](
        parent=parents.get(model, tree.methods),
        factors=factors("bemotande", "uppfoljning"),
        projects=[ProjectFactory(start_year=2020), ProjectFactory(start_year=2012)],
        target_groups=[TargetGroupFactory(name="Ö-gruppen"), TargetGroupFactory(name="A-gruppen")],
        levels=[LevelFactory(slug="organisation"), LevelFactory(slug="individ")],
        intervention_types=[InterventionTypeFactory(slug=s) for s in ("atgardande", "framjande")],
        tags=["zeta-ord", "alfa-ord"],
        **fields,
    )
    return model.objects.get(pk=page.pk)


@pytest.mark.parametrize("model", DETAIL_MODELS)
def test_side_column_terms_are_those_read_one_facet_at_a_time(model):
    page = filed_under_everything(model)
    batched = {
        field: [(t.name, t.slug) for t in terms] for field, terms in category_terms(page).items()
    }
    assert all(batched.values()), batched
    assert batched == one_by_one(page)


def test_keywords_keep_the_order_they_were_given_in():
    page = add_page(MethodPage, "Ordningen", tags=["zeta-ord", "alfa-ord", "mitt-ord"])
    tags = category_terms(MethodPage.objects.get(pk=page.pk))["tags"]
    assert [tag.slug for tag in tags] == ["zeta-ord", "alfa-ord", "mitt-ord"]


def test_a_preview_shows_the_categories_being_edited():
    saved = TargetGroupFactory(slug="sparad-grupp")
    page = add_page(MethodPage, "Förhandsvisad metod", target_groups=[saved])
    page = MethodPage.objects.get(pk=page.pk)
    edited = TargetGroupFactory(slug="andrad-grupp")
    page.target_groups = [edited]  # in memory only, as in the editor's preview
    page.tags.add("forhandsvisat-ord")

    html = page.make_preview_request().content.decode()

    assert "malgrupp=andrad-grupp" in html and "tagg=forhandsvisat-ord" in html
    assert "malgrupp=sparad-grupp" not in html


def test_a_new_page_can_be_previewed_with_its_categories():
    parent = MethodIndexPageFactory(parent=site_root())
    page = MethodPage(
        title="Ny metod i förhandsvisning",
        slug="ny-metod-i-forhandsvisning",
        summary="Kort.",
        purpose="Syfte.",
        audience="Mentorer.",
        time_and_resources="En timme.",
        steps=[("step", {"title": "Steg", "text": "<p>Gör så.</p>"})],
    )
    # What Wagtail's preview of a page being created sets up (under an index with no pages).
    page.depth = parent.depth + 1
    page.path = page._get_path(parent.path, page.depth, 1)
    page.set_url_path(parent)
    page.factors = factors("flexibilitet")

    response = page.make_preview_request()

    assert response.status_code == 200
    assert 'href="/framgangsfaktorer/flexibilitet/"' in response.content.decode()


@pytest.mark.parametrize("model", DETAIL_MODELS)
def test_every_level_of_an_address_routes_as_before(client, model):
    page = add_page(model, "Sidan att nå")
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
    page = add_page(model, "Sidan med kort", tags=["kortlek"])
    # One of each type shares the keyword as well as the factor, so each is among the related.
    kin = [add_page(kind, f"Släkt: {kind.__name__}", tags=["kortlek"]) for kind in DETAIL_MODELS]
    page = model.objects.get(pk=page.pk)
    cards = related_pages(page)
    assert set(kin) <= set(cards)
    if isinstance(page, MethodPage):
        evidence = kin[:2]  # a research article and a case study
        for order, linked in enumerate(evidence):
            MethodRelatedPage.objects.create(page_owner=page, page=linked, sort_order=order)
        assert page.related_evidence == evidence
        cards += page.related_evidence
    with django_assert_num_queries(0):
        for card in cards:
            assert card.title and card.summary and card.published_date and card.url
            assert card.type_label == type(card)._meta.verbose_name.capitalize()
    for card in cards:
        stored = Page.objects.get(pk=card.pk).specific
        assert type(card) is type(stored)
        assert (card.title, card.summary) == (stored.title, stored.summary)
