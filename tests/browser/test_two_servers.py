"""Two app servers behind one PostgreSQL and one Redis, as behind a load balancer: an editor's
publish through one is what the other serves on its very next request, and no cached page
carries an editor's toolbar or a CSRF token to anonymous visitors.

Needs PostgreSQL and Redis on 127.0.0.1 (as on the development machine and in CI; a Redis
server is started here if none answers); skipped without them, a failure when REQUIRE_BROWSER
is set (CI).
"""

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid

import pytest

from tests.browser.conftest import (
    free_port,
    prepare_demo_site,
    running_server,
    site_environment,
)
from tests.browser.test_admin_csp import log_in

POSTGRES = "postgres://postgres@127.0.0.1:5432/"
NEW_TITLE = "Närvarotrappan, uppdaterad av en redaktör"


def unavailable(reason):
    if os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)


def answers(port):
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def redis_url():
    if answers(6379):
        yield "redis://127.0.0.1:6379/0"
        return
    if not shutil.which("redis-server"):
        unavailable("No Redis on 127.0.0.1:6379 and no redis-server to start")
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while not answers(port) and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def postgres_database():
    import psycopg

    name = f"pluginnovation_two_servers_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg.connect(POSTGRES + "postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        unavailable("No PostgreSQL on 127.0.0.1:5432")
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES + name
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(scope="module")
def two_servers(postgres_database, redis_url, tmp_path_factory):
    env = {
        **site_environment(postgres_database, tmp_path_factory.mktemp("unused-cache")),
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": f"two-servers-{uuid.uuid4().hex}",
    }
    pages = prepare_demo_site(env)
    with running_server(env) as first, running_server(env) as second:
        yield first, second, pages


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers, response.read().decode()


def test_a_publish_through_one_server_is_seen_through_the_other(two_servers, browser, admin_login):
    first, second, pages = two_servers
    method = pages["MethodPage"]
    fetch(second + method["path"])
    fetch(second + "/metoder/")
    headers, html = fetch(second + method["path"])
    assert headers["X-Cache"] == "hit"
    assert NEW_TITLE not in html
    assert fetch(second + "/metoder/")[0]["X-Cache"] == "hit"

    context = browser.new_context(locale="sv-SE")
    editor = context.new_page()
    log_in(editor, first, admin_login)
    editor.goto(f"{first}/admin/pages/{method['id']}/edit/")
    editor.locator("#id_title").fill(NEW_TITLE)
    editor.get_by_role("button", name="Fler åtgärder").click()
    with editor.expect_navigation():
        editor.get_by_role("button", name="Publicera").click()
    assert editor.locator(".messages .success").count() == 1

    headers, html = fetch(second + method["path"])
    assert headers["X-Cache"] == "miss"
    assert f"<h1>{NEW_TITLE}</h1>" in html or NEW_TITLE in html
    assert NEW_TITLE in fetch(second + "/metoder/")[1]

    # The editor looks at the public page through the first server, logged in ...
    editor.goto(first + method["path"])
    assert editor.locator(".w-userbar, wagtail-userbar").count() >= 1
    context.close()
    # ... and anonymous visitors of either server get the public page alone.
    for server in (first, second):
        for path in (method["path"], "/", "/metoder/"):
            fetch(server + path)
            headers, html = fetch(server + path)
            assert headers["X-Cache"] == "hit", (server, path)
            assert "userbar" not in html
            assert "csrfmiddlewaretoken" not in html


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def status(url):
    """The status of url's own answer (a redirect is not followed)."""
    try:
        with urllib.request.build_opener(NoRedirects).open(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_new_address_is_followed_through_the_other(two_servers, browser, admin_login):
    """Each server keeps the page a path reaches (pluginnovation.delivery.routes), per content
    version: a page renamed through one server is at its new address on the other, and its old
    address no longer serves it."""
    first, second, pages = two_servers
    article = pages["ResearchArticlePage"]
    old_path = article["path"]
    assert status(second + old_path) == 200  # routed, and the route kept by that server

    context = browser.new_context(locale="sv-SE")
    editor = context.new_page()
    log_in(editor, first, admin_login)
    editor.goto(f"{first}/admin/pages/{article['id']}/edit/")
    editor.get_by_role("tab", name="Marknadsföring").click()
    editor.locator("#id_slug").fill("zyx-nytt-namn")
    editor.get_by_role("button", name="Fler åtgärder").click()
    with editor.expect_navigation():
        editor.get_by_role("button", name="Publicera").click()
    assert editor.locator(".messages .success").count() == 1
    context.close()

    new_path = old_path.rstrip("/").rsplit("/", 1)[0] + "/zyx-nytt-namn/"
    headers, html = fetch(second + new_path)
    assert headers["X-Cache"] == "miss" and "<h1" in html
    assert status(second + old_path) in (301, 302, 404)
