"""Tokens in addresses never reach an access log, from gunicorn (pluginnovation.access_log) or
from nginx (deploy/nginx.conf, run for real in tests/test_deployment.py)."""

import datetime
import re
import secrets
from types import SimpleNamespace

from django.urls import get_resolver

import pytest
from gunicorn.config import Config

from pluginnovation.access_log import Logger, masked
from pluginnovation.assessment.models import Assessment
from pluginnovation.content.models import ContentPage
from pluginnovation.saved.models import Collection


def token_routes(resolver=None, prefix=""):
    """Every route in the URL configuration with a token in it, as written."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if hasattr(pattern, "url_patterns"):
            yield from token_routes(pattern, route)
        elif "token>" in route:
            yield route


def test_every_address_with_a_token_is_masked():
    routes = list(token_routes())
    assert len(routes) >= 8  # assessment, collection and alert links
    for route in routes:
        token = secrets.token_urlsafe(24)
        address = "/" + re.sub(r"<(str:)?token>", token, route)
        address = re.sub(r"<[^>]+>", "2", address)
        assert token not in masked(f"GET {address}?x=1 HTTP/1.1"), route
        assert "/***" in masked(address), route


def test_other_addresses_are_logged_as_they_are():
    for address in ("/samling/", "/samling/skriv-ut/", "/sok/?q=delad", "/metoder/mentor/"):
        assert masked(address) == address


def test_gunicorns_access_log_line_has_no_token():
    token = secrets.token_urlsafe(24)
    other = secrets.token_urlsafe(24)
    path = f"/sjalvskattning/redigera/{token}/resultat/"
    referer = f"https://kunskapsbank.example.se/samling/delad/{other}/"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": referer,
        "REMOTE_ADDR": "192.0.2.1",
    }
    request = SimpleNamespace(headers=[("REFERER", referer)])
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    logger = Logger(Config())
    atoms = logger.atoms(response, request, environ, datetime.timedelta(milliseconds=5))
    line = logger.cfg.access_log_format % atoms
    assert token not in line and other not in line
    assert "/sjalvskattning/redigera/***/resultat/" in line
    assert "/samling/delad/***/" in line


@pytest.mark.django_db
def test_pages_at_a_token_address_are_not_stored_indexed_or_sent_on(client):
    """A page whose address holds a token is the holder's alone: no cache stores it, no search
    engine indexes it or follows its links, and no other site gets its address as Referer."""
    page = ContentPage.objects.live().first()
    client.post("/samling/spara/", {"sida": page.pk}, HTTP_ORIGIN="http://testserver")
    assessment = Assessment.objects.create()
    addresses = [
        f"/samling/delad/{Collection.objects.get().share_token}/",
        f"/sjalvskattning/redigera/{assessment.edit_token}/steg/1/",
        f"/sjalvskattning/redigera/{assessment.edit_token}/resultat/",
        f"/sjalvskattning/delad/{assessment.read_token}/",
        "/bevaka/avsluta/okand-token/",
        "/samling/",
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code in (200, 400, 404), address
        assert set(response["Cache-Control"].split(", ")) >= {"private", "no-store"}, address
        assert response["X-Robots-Tag"] == "noindex, nofollow", address
        assert response["Referrer-Policy"] == "same-origin", address


@pytest.mark.django_db
def test_djangos_own_log_lines_have_no_token(client):
    """Django logs every 400 and 404 with its path, through the console handler."""
    import io
    import logging

    console = next(
        handler
        for handler in logging.getLogger().handlers
        if type(handler) is logging.StreamHandler and handler.filters
    )
    token = secrets.token_urlsafe(24)
    stream, console.stream = console.stream, io.StringIO()
    try:
        client.get(f"/samling/delad/{token}/")  # 404, logged as a warning
        written = console.stream.getvalue()
    finally:
        console.stream = stream
    assert "/samling/delad/***/" in written
    assert token not in written
