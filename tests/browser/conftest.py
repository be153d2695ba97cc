"""Browser tests: a real server over a demo database, driven by Debian's Chromium.

They run whenever /usr/bin/chromium exists; CI sets REQUIRE_BROWSER=1 so a missing browser
fails instead of skipping.
"""

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PROJECT_ROOT = Path(__file__).resolve().parents[2]
SKIP_MESSAGE = (
    "Chromium not found at /usr/bin/chromium: browser tests SKIPPED "
    "(install it with `apt-get install chromium`)."
)


def is_browser_test(item):
    return "tests/browser" in str(item.path)


def pytest_collection_modifyitems(config, items):
    # Run last: Playwright's event loop must not be alive while in-process DB tests run.
    items.sort(key=is_browser_test)
    if CHROMIUM.exists():
        return
    if os.environ.get("REQUIRE_BROWSER"):
        raise pytest.UsageError("REQUIRE_BROWSER is set but " + SKIP_MESSAGE)
    skip = pytest.mark.skip(reason=SKIP_MESSAGE)
    for item in filter(is_browser_test, items):
        item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    if not CHROMIUM.exists():
        terminalreporter.write_line(SKIP_MESSAGE, yellow=True, bold=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The test server stopped with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"The test server did not answer at {url}")


# Prints one live page's path and id per page type, so tests need not know the demo's slugs.
DEMO_PAGES_SCRIPT = """
import json
from wagtail.models import Page
pages = {}
for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
    pages.setdefault(type(page).__name__, {"path": page.url, "id": page.id})
print(json.dumps(pages))
"""
# The demo command makes no login with DEBUG off, so the server gets this superuser.
ADMIN_USERNAME = "granskare"
ADMIN_PASSWORD = "webbtest-losenord-4711"


MANAGE = [sys.executable, str(PROJECT_ROOT / "manage.py")]


def site_environment(database_url, cache_dir):
    """A server's environment: its database, and a cache it shares with the commands run
    beside it (CACHE_DIR, or REDIS_URL given in `**extra` by the caller)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pluginnovation.settings.test",
        "DATABASE_URL": database_url,
        "CACHE_DIR": str(cache_dir),
        "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,  # read by createsuperuser --noinput
    }


def prepare_demo_site(env):
    """Migrate, load the demo content and add the superuser; {page type: {path, id}}."""
    superuser = ["createsuperuser", "--noinput", f"--username={ADMIN_USERNAME}", "--email=a@b.se"]
    for command in (["migrate", "--noinput"], ["load_demo_content"], superuser):
        subprocess.run(
            MANAGE + command + ["-v0"], env=env, check=True, cwd=PROJECT_ROOT, timeout=300
        )
    shell = subprocess.run(
        MANAGE + ["shell", "-c", DEMO_PAGES_SCRIPT],
        env=env,
        check=True,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(shell.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def running_server(env):
    """A server with DEBUG off on a free port; yields its address."""
    port = free_port()
    server = subprocess.Popen(
        MANAGE + ["runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/", server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """A server with DEBUG off over its own SQLite copy of the demo site."""
    folder = tmp_path_factory.mktemp("browser")
    env = site_environment(f"sqlite:///{folder / 'db.sqlite3'}", folder / "cache")
    demo_pages = prepare_demo_site(env)
    with running_server(env) as url:
        yield url, demo_pages, env


@pytest.fixture(scope="session")
def site_url(demo_server):
    return demo_server[0]


@pytest.fixture(scope="session")
def site_database(demo_server):
    """The demo server's SQLite file, for a test that reads what a page stored."""
    return demo_server[2]["DATABASE_URL"].removeprefix("sqlite:///")


@pytest.fixture(scope="session")
def site_shell(demo_server):
    """run(script): Python run by `manage.py shell -c` over the demo server's database, to
    give a test the data it needs (an editor, a tip) as the site itself would store it."""

    def run(script):
        subprocess.run(
            MANAGE + ["shell", "-c", script],
            env=demo_server[2],
            check=True,
            cwd=PROJECT_ROOT,
            timeout=120,
            capture_output=True,
        )

    return run


@pytest.fixture(scope="session")
def page_paths(demo_server):
    """One path per page type, e.g. {"MethodPage": "/metoder/narvarotrappan/", ...}."""
    return {name: page["path"] for name, page in demo_server[1].items()}


@pytest.fixture(scope="session")
def page_ids(demo_server):
    """The id of the same page per type, for its admin views, e.g. {"MethodPage": 42, ...}."""
    return {name: page["id"] for name, page in demo_server[1].items()}


@pytest.fixture(scope="session")
def admin_login():
    """The superuser's user name and password on the demo server."""
    return {"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
