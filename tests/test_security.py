"""Security: response headers, the CSP, cookies, login lock-out, errors and production settings."""

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.test import override_settings
from django.urls import path, reverse

from wagtail.models import Page

import pytest
from wagtail_factories import DocumentFactory

from casestudies.models import CaseStudyResult
from methods.models import MethodRelatedPage
from pluginnovation.security import client_ip
from pluginnovation.taxonomy.models import SuccessFactor
from tests.factories import (
    CaseStudyPageFactory,
    MethodPageFactory,
    ResearchArticlePageFactory,
    ResearchIndexPageFactory,
    StandardPageFactory,
    content_tree,
    every_body_block,
    site_root,
)

pytestmark = pytest.mark.django_db

PROJECT_ROOT = Path(__file__).resolve().parents[1]
GOOD_KEY = "k" * 20 + "-production-test-key-that-is-long-enough-0123456789"
# The settings production.py changes; the tests apply them to the test client's requests.
PRODUCTION_SETTING_NAMES = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "TRUSTED_PROXY_COUNT",
]
HTTPS = {"HTTP_X_FORWARDED_PROTO": "https"}
PASSWORD = "rätt-lösenord-för-testet"


def run_with_production_settings(code, **env):
    """Run Python code in a fresh process with pluginnovation.settings.production."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pluginnovation.settings.production",
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "example.org",
        "WAGTAILADMIN_BASE_URL": "https://example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env=environment,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="session")
def production_settings():
    code = (
        "import json; from django.conf import settings\n"
        f"names = {PRODUCTION_SETTING_NAMES}\n"
        "print(json.dumps({name: getattr(settings, name) for name in names}))"
    )
    result = run_with_production_settings(code)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def production(production_settings):
    """The test client's requests handled with production's security settings."""
    with override_settings(**production_settings):
        yield


def csp_directives(response):
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def public_pages():
    return list(Page.objects.live().public().filter(depth__gt=1).specific())


class InlineCodeFinder(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, <style> and style attributes."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/ld+json":
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        if "style" in attrs:
            self.found.append(f'<{tag} style="{attrs["style"]}">')
        self.found += [f"<{tag} {name}>" for name in attrs if name.startswith("on")]


# Headers


def test_public_pages_carry_the_security_headers_behind_the_proxy(client, production):
    response = client.get("/", **HTTPS)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert csp_directives(response)["frame-ancestors"] == ["'none'"]


def test_plain_http_is_redirected_to_https(client, production):
    listing = ResearchIndexPageFactory(parent=site_root())
    response = client.get(listing.url + "?sida=2")
    assert response.status_code == 301
    assert response["Location"] == f"https://testserver{listing.url}?sida=2"


def test_the_public_csp_allows_no_inline_script_or_style(client):
    page = MethodPageFactory(parent=content_tree(site_root()).methods)
    for url in ["/", page.url, "/finns-inte/"]:
        directives = csp_directives(client.get(url))
        assert directives["default-src"] == ["'self'"]
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["base-uri"] == ["'self'"]


def rich_tree():
    """A page of every type, each with everything its templates can show; the pages with a
    body first, then the index pages above them."""
    tree = content_tree(site_root())
    body = every_body_block()
    document = DocumentFactory()
    article = ResearchArticlePageFactory(
        parent=tree.research,
        body=body,
        doi="10.1080/00313831.2015.1066436",
        link="https://www.skolverket.se/publikationer",
        pdf=document,
        tags=["frånvaro"],
    )
    case_study = CaseStudyPageFactory(
        parent=tree.section,
        body=body,
        results=[
            CaseStudyResult(
                indicator="narvaro",
                description="Närvaro",
                value_before=80,
                value_after=90,
                unit="%",
                period="2017",
                source="Lägesrapport",
            )
        ],
        contact_name="Kim Kontakt",
        contact_role="rektor",
        contact_email="kim@example.org",
    )
    method = MethodPageFactory(
        parent=tree.methods,
        body=body,
        material=[{"type": "document", "value": {"document": document.pk, "title": ""}}],
        related_links=[MethodRelatedPage(page=article), MethodRelatedPage(page=case_study)],
    )
    standard = StandardPageFactory(parent=tree.home, body=body)
    with_body = [article, case_study, method, standard]
    return with_body, [tree.research, tree.methods, tree.case_studies, tree.section]


def test_no_public_page_needs_inline_script_or_style(client):
    """Every live page (among them one of every type with every kind of content) and every
    public view renders nothing the strict policy would block."""
    with_body, indexes = rich_tree()
    pages = public_pages()
    assert set(with_body + indexes) <= set(pages)
    factor = SuccessFactor.objects.first()
    urls = [page.url for page in pages] + [
        reverse("factor_list"),
        reverse("factor_detail", kwargs={"slug": factor.slug}),
        reverse("explore"),
        reverse("search") + "?q=frånvaro",
        "/finns-inte/",
    ]
    problems = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == (404 if url == "/finns-inte/" else 200), url
        finder = InlineCodeFinder()
        finder.feed(response.content.decode())
        if finder.found:
            problems[url] = finder.found
        if url in {page.url for page in with_body}:
            # The body really was rendered, image and film included.
            assert "<img" in response.text and "<iframe" in response.text, url
    assert problems == {}


def test_the_admin_gets_its_own_looser_policy(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    directives = csp_directives(response)
    # Wagtail's admin writes inline <script> and <style> (checked in Chromium: without
    # 'unsafe-inline' the editor breaks); it never needs eval.
    assert "'unsafe-inline'" in directives["script-src"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'self'"]


def test_a_page_preview_keeps_the_strict_policy_but_may_be_framed_by_the_admin():
    page = ResearchArticlePageFactory(parent=content_tree(site_root()).research)
    response = page.make_preview_request()
    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]


# Cookies


def test_session_and_csrf_cookies_are_secure_httponly_and_samesite(client, production):
    user = get_user_model().objects.create_superuser("redaktor", "r@example.org", PASSWORD)
    response = client.get("/admin/login/", **HTTPS)
    csrf = response.cookies["csrftoken"]
    response = client.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD}, **HTTPS
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    for cookie in (csrf, session):
        assert cookie["secure"] is True
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"


# Login lock-out


@pytest.fixture
def axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("lisa", "lisa@example.org", PASSWORD)


def log_in(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_five_failed_logins_lock_the_account_even_for_the_right_password(client, axes_on, editor):
    for _ in range(4):
        assert log_in(client, "lisa", "fel").status_code == 200
    response = log_in(client, "lisa", "fel")
    assert response.status_code == 429
    assert "Inloggningen är tillfälligt spärrad" in response.content.decode()

    response = log_in(client, "lisa", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_a_successful_login_before_the_limit_clears_the_count(client, axes_on, editor):
    for _ in range(4):
        log_in(client, "lisa", "fel")
    assert log_in(client, "lisa", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert log_in(client, "lisa", "fel").status_code == 200


def test_someone_elses_failed_logins_do_not_lock_the_editor_out(client, axes_on, editor):
    """Locking the user name alone let anyone keep an editor out by failing five times."""
    attacker = {"REMOTE_ADDR": "198.51.100.7"}
    for _ in range(5):
        client.post("/admin/login/", {"username": "lisa", "password": "fel"}, **attacker)
    # The attacker's address is locked, for this name and for others.
    assert log_in_from(client, "lisa", PASSWORD, attacker).status_code == 429
    assert log_in_from(client, "annan", "fel", attacker).status_code == 429
    # Lisa, from her own address, gets in.
    response = log_in_from(client, "lisa", PASSWORD, {"REMOTE_ADDR": "203.0.113.20"})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def log_in_from(client, username, password, meta):
    return client.post("/admin/login/", {"username": username, "password": password}, **meta)


def test_the_test_clients_login_still_works(client, editor):
    assert client.login(username="lisa", password=PASSWORD)


def make_request(remote_addr, forwarded_for=None):
    request = HttpRequest()
    request.META["REMOTE_ADDR"] = remote_addr
    if forwarded_for is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return request


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_lock_out_counts_the_address_the_proxy_saw():
    # A client can put anything at the start of X-Forwarded-For; nginx appends the real address.
    request = make_request("10.0.0.2", "6.6.6.6, 203.0.113.7")
    assert client_ip(request) == "203.0.113.7"
    assert client_ip(make_request("10.0.0.2")) == "10.0.0.2"


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_without_a_proxy_x_forwarded_for_is_ignored():
    assert client_ip(make_request("198.51.100.4", "6.6.6.6")) == "198.51.100.4"


# Errors


def broken_view(request):
    raise RuntimeError("hemlig detalj från servern")


urlpatterns = [path("trasig/", broken_view)]


@pytest.mark.urls(__name__)
def test_a_server_error_shows_the_swedish_500_page_without_a_traceback(client):
    client.raise_request_exception = False
    response = client.get("/trasig/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Något gick fel" in html
    assert 'lang="sv"' in html
    assert "Traceback" not in html
    assert "hemlig detalj" not in html
    assert "RuntimeError" not in html


# Production settings


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_with_production_settings(
        "from django.core.management import call_command\n"
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr


@pytest.mark.parametrize(
    "secret_key",
    ["", "too-short", "django-insecure-" + "x" * 60, "k9" * 40],
    ids=["missing", "short", "dj", "few-characters"],
)
def test_production_settings_refuse_a_missing_or_weak_secret_key(secret_key):
    result = run_with_production_settings("", SECRET_KEY=secret_key)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("base_url", ["", "http://127.0.0.1:8000"], ids=["missing", "local"])
def test_production_settings_refuse_mail_links_to_nowhere(base_url):
    result = run_with_production_settings("", WAGTAILADMIN_BASE_URL=base_url)
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL" in result.stderr


def test_redis_url_switches_the_cache_to_redis_and_files_otherwise():
    # The cache the code gets, not the setting: a Redis client for the server in REDIS_URL
    # (made without connecting, so no Redis server or client library is needed here).
    code = (
        "from django.core.cache import caches; cache = caches['default']\n"
        "print(type(cache).__name__, *cache._servers)"
    )
    result = run_with_production_settings(code, REDIS_URL="redis://cache.internal:6379/0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["SharedRedisCache", "redis://cache.internal:6379/0"]
    # Without Redis, the processes of one machine share files (several gunicorn workers).
    without = run_with_production_settings(code.replace(", *cache._servers", ""))
    assert without.stdout.split() == ["FileCache"]
