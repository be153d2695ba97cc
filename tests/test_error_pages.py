"""The plain error pages (400, 500, 503) speak the language of the address asked for: Swedish,
and English under /en/. They are rendered without the database or a context processor."""

import re

from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.test import Client

import pytest

from pluginnovation.delivery import error_pages

pytestmark = pytest.mark.django_db

TOO_MANY_FIELDS = "&".join(f"f{number}=1" for number in range(1100))


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def heading(response):
    return re.search(r"<h1>([^<]+)</h1>", response.content.decode()).group(1)


@pytest.fixture
def failing_pages(monkeypatch):
    """Every page fails with `error` from then on."""

    def fail_with(error):
        def route(*args, **kwargs):
            raise error

        monkeypatch.setattr("wagtail.models.Page.route", route)

    return fail_with


@pytest.mark.parametrize(
    "path, language, expected",
    [
        ("/", "sv", "Förfrågan kunde inte tas emot"),
        ("/en/", "en", "The request could not be read"),
        ("/en/about/", "en", "The request could not be read"),
        ("/sok/", "sv", "Förfrågan kunde inte tas emot"),
        ("/en/sok/", "en", "The request could not be read"),
    ],
)
def test_a_request_too_large_to_read_gets_a_400_in_the_addresses_language(
    client, path, language, expected
):
    response = client.get(f"{path}?{TOO_MANY_FIELDS}")
    assert response.status_code == 400
    assert html_lang(response) == language
    assert heading(response) == expected
    # One language on the page: the other one's sentence is not repeated beneath it.
    other = "Inget sparades" if language == "en" else "Nothing was saved"
    assert other not in response.content.decode()


@pytest.mark.parametrize(
    "path, language, expected",
    [
        ("/", "sv", "Sidan kan inte visas just nu"),
        ("/en/", "en", "This page cannot be shown right now"),
    ],
)
def test_the_database_away_gives_a_503_in_the_addresses_language(
    failing_pages, path, language, expected
):
    failing_pages(OperationalError("connection refused"))
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert html_lang(response) == language
    assert heading(response) == expected


@pytest.mark.parametrize(
    "path, language, expected",
    [("/", "sv", "Något gick fel"), ("/en/", "en", "Something went wrong")],
)
def test_a_failure_gives_a_500_in_the_addresses_language(failing_pages, path, language, expected):
    failing_pages(RuntimeError("a bug"))
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 500
    assert html_lang(response) == language
    assert heading(response) == expected
    assert ("Till startsidan" in response.content.decode()) == (language == "sv")


def test_a_form_sent_without_its_fields_gets_a_400_not_a_500(admin_user):
    """A page edit posted by hand with only a title and "publish" failed inside Wagtail's
    stream field (MultiValueDictKeyError: 'body-count') with a 500; nothing was saved."""
    from pluginnovation.content.models import ContentPage

    page = ContentPage.objects.live().first()
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    title = page.title
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", {"title": "Handgjord", "action-publish": "1"}
    )
    assert response.status_code == 400
    assert heading(response) == "Förfrågan kunde inte tas emot"
    page.refresh_from_db()
    assert page.title == title


# Addresses no route takes (a page address would first meet the CSRF check, which answers a
# body it cannot read with a 400 itself).
@pytest.mark.parametrize("path", ["/wp-login.php", "/xmlrpc.php", "/en/finns-inte"])
@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data", b"--"),
        ("multipart/form-data; boundary=", b"--"),
        ("application/x-www-form-urlencoded", TOO_MANY_FIELDS.encode()),
    ],
)
def test_a_post_that_cannot_be_read_to_a_missing_page_gets_a_400_not_a_500(
    path, content_type, body
):
    """Django's 404 view checks the CSRF token of a POST and so reads its body: a multipart body
    without a boundary escaped it as a 500, which mails the administrators, once a request."""
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "x" * 32
    response = client.post(path, data=body, content_type=content_type)
    assert response.status_code == 400
    assert heading(response) in ("Förfrågan kunde inte tas emot", "The request could not be read")


def test_a_missing_page_is_still_a_404_to_a_post_that_can_be_read():
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "x" * 32
    assert client.post("/wp-login.php", {"log": "admin"}).status_code == 404


def test_the_403_page_of_a_post_that_cannot_be_read_is_a_400_too(rf):
    request = rf.post("/admin/", data=b"--", content_type="multipart/form-data")
    request.COOKIES["csrftoken"] = "x" * 32
    response = error_pages.permission_denied(request, PermissionDenied())
    assert response.status_code == 400
    readable = rf.post("/admin/", data={"a": "1"})
    readable._dont_enforce_csrf_checks = True
    assert error_pages.permission_denied(readable, PermissionDenied()).status_code == 403
