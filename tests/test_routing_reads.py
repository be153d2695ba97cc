"""Serving a content page reads less: a page below an index in one query as its own class, and
its view restrictions (its own, its ancestors', an alias's source's) in one query."""

from wagtail.models import Page, PageViewRestriction

import pytest

from methods.models import MethodPage
from research.models import ResearchArticlePage
from tests.discovery_support import add_page

pytestmark = pytest.mark.django_db


def wagtails(page):
    return set(Page.get_view_restrictions(page))


def test_view_restrictions_are_wagtails_in_one_query(django_assert_num_queries):
    page = add_page(MethodPage, "Zyxbegränsad")
    other = add_page(ResearchArticlePage, "Zyxöppen")
    index = page.get_parent()
    restriction = PageViewRestriction.objects.create(page=index, restriction_type="login")
    alias = index.specific.create_alias(
        parent=other.get_parent(), update_slug="zyxalias", recursive=True
    )
    alias_child = Page.objects.get(alias_of=page)
    for subject in (page, index, other, alias.specific, alias_child.specific):
        with django_assert_num_queries(1):
            found = set(subject.get_view_restrictions())
        assert found == wagtails(subject)
    assert set(alias_child.specific.get_view_restrictions()) == {restriction}
    assert set(other.get_view_restrictions()) == set()


def test_a_page_below_a_restriction_is_still_refused(client):
    page = add_page(MethodPage, "Zyxlåst")
    PageViewRestriction.objects.create(page=page.get_parent(), restriction_type="login")
    response = client.get(page.url)
    assert response.status_code == 302 and response["Location"].startswith("/logga-in/")
    assert "Zyxlåst" not in response.content.decode()


def test_a_page_is_routed_as_its_own_class(client):
    page = add_page(MethodPage, "Zyxrutt")
    response = client.get(page.url)
    assert response.status_code == 200
    assert type(response.context["page"]) is MethodPage
    assert client.get(page.url + "finns-inte/").status_code == 404
    assert client.get(page.get_parent().url + "finns-inte/").status_code == 404
