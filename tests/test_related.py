"""Related content on detail pages: most shared factors, keywords and projects first."""

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.discovery.related import related_pages
from research.models import ResearchArticlePage
from tests.discovery_support import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    return add_page(
        MethodPage,
        "Utgångsmetoden",
        factors=["samverkan", "flexibilitet"],
        tags=["relaterat-a", "relaterat-b"],
        projects=["yrk-in"],
    )


def test_pages_sharing_the_most_come_first(page):
    # Shares two factors, both keywords and the project: 5.
    best = add_page(
        ResearchArticlePage,
        "Delar allt",
        factors=["samverkan", "flexibilitet"],
        tags=["relaterat-a", "relaterat-b"],
        projects=["yrk-in"],
    )
    # Shares one factor, one keyword and the project: 3.
    second = add_page(
        CaseStudyPage,
        "Delar en del",
        factors=["samverkan"],
        tags=["relaterat-a"],
        projects=["yrk-in"],
    )
    related = related_pages(page)
    assert related[:2] == [best, second]
    assert len(related) <= 5
    assert page not in related
    assert {type(item) for item in related} <= {ResearchArticlePage, CaseStudyPage, MethodPage}


def test_drafts_restricted_and_unrelated_pages_are_left_out(page):
    draft = add_page(MethodPage, "Utkast", tags=["relaterat-a", "relaterat-b"], live=False)
    secret = add_page(MethodPage, "Hemlig", tags=["relaterat-a", "relaterat-b"])
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    unrelated = add_page(MethodPage, "Inget gemensamt", factors=["bemotande"])
    related = related_pages(page)
    assert draft not in related and secret not in related and unrelated not in related


def test_every_detail_page_shows_its_related_content(client, page):
    best = add_page(ResearchArticlePage, "Nära släkt", tags=["relaterat-a", "relaterat-b"])
    response = client.get(page.url)
    assert response.context["related_pages"][0] == best
    html = response.content.decode()
    assert "Relaterat innehåll" in html and "Nära släkt" in html
    for model in (ResearchArticlePage, CaseStudyPage):
        detail = client.get(model.objects.live().first().url)
        assert len(detail.context["related_pages"]) == 5
