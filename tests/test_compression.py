"""Compressed responses: brotli for public pages where the browser asks, gzip otherwise."""

import gzip

from django.test import Client

import brotli
import pytest

pytestmark = pytest.mark.django_db


def test_a_public_page_is_brotli_when_asked(client):
    response = client.get("/utforska/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert response["Content-Encoding"] == "br"
    assert "Accept-Encoding" in response["Vary"]
    html = brotli.decompress(response.content).decode()
    assert html.startswith("<!DOCTYPE html>")
    assert int(response["Content-Length"]) == len(response.content)


def test_a_listing_is_under_12_kib_on_the_wire(client):
    """bench/throughput.py measures the same at 10,000 pages (docs/performance.md)."""
    plain = client.get("/utforska/")
    compressed = client.get("/utforska/", headers={"Accept-Encoding": "br"})
    assert len(compressed.content) < 12 * 1024
    assert len(compressed.content) < len(plain.content) / 4


@pytest.mark.parametrize(
    "url", ["/sitemap.xml", "/aktuellt/rss/", "/sok/forslag/?q=fr", "/framgangsfaktorer/"]
)
def test_feeds_sitemaps_and_json_are_compressed(client, url):
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    if len(response.content) > 200:
        assert response["Content-Encoding"] == "gzip"
        gzip.decompress(response.content)


def test_gzip_when_brotli_is_refused(client):
    response = client.get("/", headers={"Accept-Encoding": "br;q=0, gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content).decode().startswith("<!DOCTYPE html>")


def test_nothing_compressed_without_accept_encoding(client):
    response = client.get("/")
    assert "Content-Encoding" not in response
    assert "Accept-Encoding" in response["Vary"]


def test_a_page_with_a_csrf_token_gets_djangos_gzip_not_brotli(client):
    """Django pads every gzip stream with random bytes against BREACH; brotli has no padding,
    so a page with a secret in it never gets brotli."""
    response = client.get("/tipsa/", headers={"Accept-Encoding": "br, gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert b"csrfmiddlewaretoken" in gzip.decompress(response.content)
    sizes = {
        len(Client().get("/tipsa/", headers={"Accept-Encoding": "gzip"}).content) for _ in range(6)
    }
    assert len(sizes) > 1  # the random padding


def test_a_logged_in_page_is_gzip_not_brotli(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/", headers={"Accept-Encoding": "br, gzip"})
    assert response["Content-Encoding"] == "gzip"


def test_documents_and_images_are_not_compressed_again(client):
    from wagtail.documents.models import Document

    document = Document.objects.filter(collection__view_restrictions__isnull=True).first()
    if document is None:
        pytest.skip("the demo has no public document")
    response = client.get(document.url, headers={"Accept-Encoding": "gzip, br"})
    assert response.status_code == 200
    assert response.get("Content-Encoding") not in ("gzip", "br")


@pytest.mark.parametrize("accept_encoding", ["", "gzip, br"])
def test_a_document_names_no_content_encoding_it_does_not_have(client, accept_encoding):
    """A PDF is sent as it is stored; "Content-Encoding: None" would name a coding no client
    knows."""
    from wagtail.documents.models import Document

    document = Document.objects.filter(collection__view_restrictions__isnull=True).first()
    response = client.get(document.url, headers={"Accept-Encoding": accept_encoding})
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


@pytest.mark.parametrize("header", ["", "*", "identity", "gzip;q=abc", "br;q=" + "9" * 400, "ä"])
def test_odd_accept_encodings_are_answered(client, header):
    response = client.get("/", headers={"Accept-Encoding": header})
    assert response.status_code == 200
