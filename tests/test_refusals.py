"""A form sent without its CSRF cookie (cookies turned off, a page left open for long) is
explained in Swedish on a page of the site, not on Django's English one."""

import re

from django.test import Client

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/tipsa/", "/sjalvskattning/ny/", "/samling/namn/", "/bevaka/"])
def test_a_form_sent_without_its_cookie_is_explained_in_swedish(path):
    response = Client(enforce_csrf_checks=True).post(path, {"namn": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="sv">' in html and 'class="site-header"' in html
    assert re.search(r"<title>Formuläret kunde inte skickas", html)
    assert "kakor" in html
    # Django's own page names the reason in English and its settings.
    assert "CSRF" not in html and "Forbidden" not in html


@pytest.mark.parametrize(
    "method, path",
    [
        ("get", "/samling/spara/"),
        ("get", "/samling/flytta/"),
        ("get", "/samling/namn/"),
        ("get", "/sjalvskattning/ny/"),
        ("put", "/tipsa/"),
        ("delete", "/bevaka/"),
        ("put", "/samling/tom/"),
    ],
)
def test_a_form_address_opened_directly_says_so_in_swedish(client, method, path):
    """A form's address opened as a page (a bookmark, a copied link) is a page of the site
    that says what the address is for, not a blank one."""
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert response["Allow"]
    html = response.content.decode()
    assert '<html lang="sv">' in html and 'class="site-header"' in html
    assert "<h1>Adressen tar emot formulär</h1>" in html


def test_a_form_sent_with_an_outdated_token_is_told_to_reload(client):
    """The cookie came, but not with the page's token (a sign-in in another tab changed it):
    turning cookies on is not the advice."""
    browser = Client(enforce_csrf_checks=True)
    browser.get("/tipsa/")
    response = browser.post("/tipsa/", {"csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403
    html = response.content.decode()
    assert "inte längre aktuell" in html and "Tillåt kakor" not in html
