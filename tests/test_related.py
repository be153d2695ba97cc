"""Related content on detail pages: most shared factors, keywords and projects first."""

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.discovery.related import related_pages
from research.models import ResearchArticlePage
from tests.factories import (
    CaseStudyPageFactory,
    MethodPageFactory,
    ProjectFactory,
    ResearchArticlePageFactory,
    content_tree,
    factors,
    site_root,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return content_tree(site_root())


@pytest.fixture
def project():
    return ProjectFactory()


@pytest.fixture
def page(tree, project):
    return MethodPageFactory(
        parent=tree.methods,
        title="Utgångsmetoden",
        factors=factors("samverkan", "flexibilitet"),
        tags=["relaterat-a", "relaterat-b"],
        projects=[project],
    )


def test_pages_sharing_the_most_come_first(tree, page, project):
    # Shares two factors, both keywords and the project: 5.
    best = ResearchArticlePageFactory(
        parent=tree.research,
        factors=factors("samverkan", "flexibilitet"),
        tags=["relaterat-a", "relaterat-b"],
        projects=[project],
    )
    # Shares one factor, one keyword and the project: 3. Other pages share factors only: 2 at most.
    second = CaseStudyPageFactory(
        parent=tree.section, factors=factors("samverkan"), tags=["relaterat-a"], projects=[project]
    )
    related = related_pages(page)
    assert related[:2] == [best, second]
    assert len(related) <= 5
    assert page not in related
    assert {type(item) for item in related} <= {ResearchArticlePage, CaseStudyPage, MethodPage}


def test_drafts_restricted_and_unrelated_pages_are_left_out(tree, page):
    shared = {"parent": tree.methods, "tags": ["relaterat-a", "relaterat-b"]}
    shown = MethodPageFactory(**shared)
    draft = MethodPageFactory(**shared, live=False)
    secret = MethodPageFactory(**shared)
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    unrelated = MethodPageFactory(parent=tree.methods, factors=factors("bemotande"))
    related = related_pages(page)
    assert shown in related
    assert draft not in related and secret not in related and unrelated not in related


def test_every_detail_page_shows_five_related_pages(client, tree, page):
    best = ResearchArticlePageFactory(
        parent=tree.research, title="Nära släkt", tags=["relaterat-a", "relaterat-b"]
    )
    response = client.get(page.url)
    assert response.context["related_pages"][0] == best
    html = response.content.decode()
    assert "Relaterat innehåll" in html and "Nära släkt" in html

    # Seven pages of all three types share a keyword: each has six candidates, five shown.
    kin = {"tags": ["släktträff"]}
    family = [
        ResearchArticlePageFactory(parent=tree.research, **kin),
        CaseStudyPageFactory(parent=tree.section, **kin),
        *(MethodPageFactory(parent=tree.methods, **kin) for _ in range(5)),
    ]
    for member in family[:3]:
        shown = client.get(member.url).context["related_pages"]
        assert len(shown) == 5
        assert set(shown) <= set(family) - {member}
