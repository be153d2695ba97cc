"""News and events in Chromium: axe on every new page type, one h1, no sideways scrolling on
a phone, the calendar file downloads, and (when installed) the Nu HTML Checker.

The pages come from the demo loader for news (pluginnovation.news.demo.load_news), run here on
the browser server's own database copy, so this works before and after the main demo loader
calls it (it creates only what is missing).
"""

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from .axe import axe_violations
from .conftest import PROJECT_ROOT
from .test_html_validity import VNU_JAR, fetch

PAGE_TYPES = ["NewsIndexPage", "NewsPage", "EventIndexPage", "EventPage"]
LOAD_NEWS_SCRIPT = """
import json
from collections import Counter
from pluginnovation.home.models import HomePage
from pluginnovation.news.demo import load_news
from pluginnovation.news.models import EventPage, NewsPage
news_index, event_index = load_news(HomePage.objects.first(), Counter())
print(json.dumps({
    "NewsIndexPage": news_index.url,
    "NewsPage": NewsPage.objects.live().order_by("-date").first().url,
    "EventIndexPage": event_index.url,
    "EventPage": EventPage.objects.live().get(slug="slutkonferens-plug-in-gr").url,
}))
"""


@pytest.fixture(scope="session")
def news_paths(demo_server, page_paths):
    """The news and event pages on the browser server; made in its database if the demo
    loader has not made them (before it calls load_news)."""
    if all(page_type in page_paths for page_type in PAGE_TYPES):
        return {page_type: page_paths[page_type] for page_type in PAGE_TYPES}
    server_env = os.environ.copy()
    server_env.update(
        {
            "DJANGO_SETTINGS_MODULE": "pluginnovation.settings.test",
            "DATABASE_URL": database_url_of(demo_server[0]),
        }
    )
    shell = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "manage.py"), "shell", "-c", LOAD_NEWS_SCRIPT],
        env=server_env,
        check=True,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(shell.stdout.strip().splitlines()[-1])


def database_url_of(site_url):
    """The browser server's database: the runserver process's DATABASE_URL (read from /proc,
    since the shared fixture does not hand it out)."""
    port = site_url.rsplit(":", 1)[1]
    for status in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = status.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"runserver" in args and f"127.0.0.1:{port}".encode() in args:
            environ = (status.parent / "environ").read_bytes().split(b"\0")
            for entry in environ:
                if entry.startswith(b"DATABASE_URL="):
                    return entry.split(b"=", 1)[1].decode()
    raise RuntimeError("The browser server's database was not found")


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_news_and_event_pages_have_no_wcag_violations(page, site_url, news_paths, page_type):
    response = page.goto(site_url + news_paths[page_type])
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def test_the_year_archive_has_no_wcag_violations(page, site_url, news_paths):
    page.goto(site_url + news_paths["NewsIndexPage"])
    page.get_by_role("link", name="2017", exact=True).click()
    assert page.url.endswith("/aktuellt/2017/")
    assert page.locator("h1").inner_text() == "Aktuellt 2017"
    assert axe_violations(page) == []


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_horizontal_scrolling_at_320_pixels(browser, site_url, news_paths, page_type):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    tab = context.new_page()
    tab.goto(site_url + news_paths[page_type])
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0


def test_the_calendar_file_downloads(browser, site_url, news_paths):
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.goto(site_url + news_paths["EventPage"])
    with tab.expect_download() as info:
        tab.get_by_role("link", name="Lägg till i kalendern").click()
    download = info.value
    assert download.suggested_filename == "slutkonferens-plug-in-gr.ics"
    data = Path(download.path()).read_bytes()
    context.close()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"SUMMARY:Plug In GR:s slutkonferens" in data


def test_no_inline_script_or_style_is_needed(page, site_url, news_paths):
    """The strict CSP blocks inline code: nothing is reported as blocked on the new pages."""
    blocked = []
    page.on("console", lambda message: blocked.append(message.text))
    for page_type in PAGE_TYPES:
        page.goto(site_url + news_paths[page_type])
    assert [text for text in blocked if "Content Security Policy" in text] == []


def test_the_news_pages_are_valid_html(site_url, news_paths, tmp_path):
    if not (VNU_JAR.exists() and shutil.which("java")):
        message = f"Nu HTML Checker not found at {VNU_JAR} (or no java): run `make vnu`."
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    paths = {**news_paths, "year archive": "/aktuellt/2017/"}
    files = []
    for name, path in paths.items():
        file = tmp_path / f"{name.replace(' ', '-')}.html"
        file.write_bytes(fetch(site_url + path))
        files.append(str(file))
    checked = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = [
        f"{Path(message['url']).name}:{message.get('lastLine')}: {message['message']}"
        for message in json.loads(checked.stdout)["messages"]
    ]
    assert errors == []


def test_the_feed_is_served_as_rss(site_url, news_paths):
    with urllib.request.urlopen(site_url + news_paths["NewsIndexPage"] + "rss/") as response:
        assert response.headers["Content-Type"].startswith("application/rss+xml")
        assert b"<rss" in response.read()
