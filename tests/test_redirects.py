"""Old addresses (Wagtail's redirects, made by editors or when a page's slug changes or it
moves) lead to pages a visitor may see, and never tell where a draft or a restricted page
went: those answer as if the old address never existed."""

from django.test import Client
from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

import pytest

from methods.models import MethodPage
from tests.discovery_support import add_page

pytestmark = pytest.mark.django_db


def test_a_renamed_page_is_found_at_its_old_address(client, django_capture_on_commit_callbacks):
    page = add_page(MethodPage, "Zyxflyttbar")
    old = page.url
    page.slug = "zyx-ny-adress"
    # Wagtail makes the redirect once the publish is committed.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"].endswith("/zyx-ny-adress/")


@pytest.mark.parametrize("how", ["unpublished", "draft", "login", "password in the section"])
def test_an_old_address_never_leads_to_a_page_visitors_may_not_see(client, how):
    page = add_page(MethodPage, "Zyxdold", live=how != "draft")
    Redirect.objects.create(old_path="/zyx-gammal-adress", redirect_page=page)
    if how == "unpublished":
        page.unpublish()
    elif how == "login":
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    elif how == "password in the section":
        PageViewRestriction.objects.create(
            page=page.get_parent(), restriction_type="password", password="x"
        )
    for path in ("/zyx-gammal-adress/", "/zyx-gammal-adress/?utm=1"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Location" not in response
        assert page.slug not in response.content.decode()


def test_an_old_address_leads_whoever_may_see_a_restricted_page_to_it(client, django_user_model):
    """A signed-in visitor of a page for signed-in visitors, and one who has given a
    section's password, follow the old address as anyone follows it to a public page."""
    page = add_page(MethodPage, "Zyxinloggad")
    Redirect.objects.create(old_path="/zyx-gammal-adress", redirect_page=page)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    client.force_login(django_user_model.objects.create_user("zyxläsare", password="x" * 20))
    response = client.get("/zyx-gammal-adress/")
    assert response.status_code == 301 and response["Location"].endswith(page.url)

    other = add_page(MethodPage, "Zyxlösenord")
    Redirect.objects.create(old_path="/zyx-annan-adress", redirect_page=other)
    restriction = PageViewRestriction.objects.create(
        page=other, restriction_type="password", password="zyx-lösen"
    )
    visitor = Client()
    assert visitor.get("/zyx-annan-adress/").status_code == 404
    form = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, other.pk])
    given = visitor.post(form, {"password": "zyx-lösen", "return_url": other.url})
    assert given.status_code == 302
    response = visitor.get("/zyx-annan-adress/")
    assert response.status_code == 301 and response["Location"].endswith(other.url)


def test_redirects_to_addresses_outside_the_page_tree_still_work(client):
    Redirect.objects.create(old_path="/zyx-rapport", redirect_link="https://example.org/r.pdf")
    response = client.get("/zyx-rapport")
    assert response.status_code == 301
    assert response["Location"] == "https://example.org/r.pdf"
