"""The success-factor pages: /framgangsfaktorer/ and /framgangsfaktorer/<slug>/."""

import datetime

import pytest

from methods.models import MethodPage
from pluginnovation.content.models import ContentPage
from pluginnovation.taxonomy.models import SuccessFactor
from research.models import ResearchArticlePage
from tests.discovery_support import add_page
from tests.factories import (
    CaseStudyPageFactory,
    MethodPageFactory,
    ResearchArticlePageFactory,
    content_tree,
    factors,
    site_root,
)

pytestmark = pytest.mark.django_db


def counts_of(response, slug):
    """{type heading: count} of one factor in the list."""
    return dict(next(f for f in response.context["factors"] if f.slug == slug).counts)


def test_the_list_shows_the_four_factors_with_their_counts(client):
    response = client.get("/framgangsfaktorer/")
    assert response.status_code == 200
    html = response.content.decode()
    for factor in SuccessFactor.objects.all():
        assert f'href="/framgangsfaktorer/{factor.slug}/"' in html
        assert factor.definition in html
    before = counts_of(response, "samverkan")

    tree = content_tree(site_root())
    for _ in range(2):
        ResearchArticlePageFactory(
            parent=tree.research, factors=factors("samverkan", "flexibilitet")
        )
    ResearchArticlePageFactory(parent=tree.research, factors=factors("samverkan"), live=False)
    ResearchArticlePageFactory(parent=tree.research, factors=factors("bemotande"))
    MethodPageFactory(parent=tree.methods, factors=factors("samverkan"))

    after = counts_of(client.get("/framgangsfaktorer/"), "samverkan")
    # The two live articles and the method count; the draft and the other factor's do not.
    assert after["Forskning"] == before["Forskning"] + 2
    assert after["Metoder"] == before["Metoder"] + 1
    assert after["Fallstudier"] == before["Fallstudier"]
    expected = ResearchArticlePage.objects.live().filter(factors__slug="samverkan").count()
    assert after["Forskning"] == expected


def test_a_factor_page_explains_the_factor_and_groups_its_content(client):
    factor = SuccessFactor.objects.get(slug="flexibilitet")
    tree = content_tree(site_root())
    newest = {"factors": [factor], "published_date": datetime.date(2031, 1, 1)}
    built = {
        "forskning": ResearchArticlePageFactory(parent=tree.research, **newest),
        "fallstudie": CaseStudyPageFactory(parent=tree.section, **newest),
        "metod": MethodPageFactory(parent=tree.methods, **newest),
    }
    # Newer still, but under another factor: not on this factor's page.
    MethodPageFactory(
        parent=tree.methods, factors=factors("bemotande"), published_date=datetime.date(2031, 2, 1)
    )

    response = client.get("/framgangsfaktorer/flexibilitet/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{factor.name}</h1>" in html
    assert factor.definition in html
    assert "blockläsning" in html or factor.explanation[:40] in html

    groups = {group["typ"]: group for group in response.context["groups"]}
    assert list(groups) == ["forskning", "fallstudie", "metod"]
    live = ContentPage.objects.live().filter(factors=factor)
    assert groups["metod"]["total"] == live.filter(content_type__model="methodpage").count()
    for typ, group in groups.items():
        assert group["items"][0] == built[typ]  # the newest first
        assert len(group["items"]) <= 3
        assert all(factor in item.factors.all() for item in group["items"])
        assert f'href="/utforska/?faktor=flexibilitet&amp;typ={group["typ"]}"' in html


def test_a_factor_page_shows_the_newest_first_and_not_drafts(client):
    add_page(
        MethodPage,
        "Nyaste flexibla metoden",
        factors=["flexibilitet"],
        published=datetime.date(2030, 1, 2),
    )
    add_page(
        MethodPage,
        "Opublicerad flexibel metod",
        factors=["flexibilitet"],
        published=datetime.date(2030, 1, 3),
        live=False,
    )
    response = client.get("/framgangsfaktorer/flexibilitet/")
    methods = next(g for g in response.context["groups"] if g["typ"] == "metod")
    assert methods["items"][0].title == "Nyaste flexibla metoden"
    assert "Opublicerad flexibel metod" not in response.content.decode()


def test_an_unknown_factor_is_not_found(client):
    assert client.get("/framgangsfaktorer/finns-inte/").status_code == 404
    assert client.get("/framgangsfaktorer/<script>/").status_code == 404


def test_a_factor_page_links_visibly_to_its_own_feed(client):
    response = client.get("/framgangsfaktorer/flexibilitet/")
    assert b'href="/flode/flexibilitet/"' in response.content
    feed = client.get("/flode/flexibilitet/")
    assert feed.status_code == 200
    assert b"<rss" in feed.content


def test_the_factors_are_read_once_per_content_version(
    client, monkeypatch, django_assert_max_num_queries
):
    """The factor and the other three, linked below it: two queries on every request of a
    factor page. A factor renamed is shown by its new name on the next request."""
    from pluginnovation.discovery import cache as discovery_cache

    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)

    def factor_queries(url, status=200):
        with django_assert_max_num_queries(40) as captured:
            response = client.get(url)
        assert response.status_code == status
        return response, [q for q in captured if '"taxonomy_successfactor"' in q["sql"]]

    for url in ("/framgangsfaktorer/flexibilitet/", "/framgangsfaktorer/"):
        factor_queries(url)
        response, queries = factor_queries(url)
        assert not queries
        assert 'href="/framgangsfaktorer/samverkan/"' in response.content.decode()
    factor_queries("/framgangsfaktorer/finns-inte/", 404)
    factor_queries("/framgangsfaktorer/%C2%B2/", 404)

    factor = SuccessFactor.objects.get(slug="samverkan")
    factor.name = "Samverkan över gränser"
    factor.save()  # a new content version
    response, _ = factor_queries("/framgangsfaktorer/flexibilitet/")
    assert "Samverkan över gränser" in response.content.decode()
