"""News and events in Chromium: axe on every new page type, one h1, no sideways scrolling on
a phone, the calendar file downloads, and (when installed) the Nu HTML Checker.

The pages are the demo's (pluginnovation.news.demo.load_news, called by the demo loader).
"""

import json
import subprocess
import urllib.request
from pathlib import Path

import pytest

from .axe import axe_violations
from .conftest import MANAGE, PROJECT_ROOT
from .nu_checker import html_errors

PAGE_TYPES = ["NewsIndexPage", "NewsPage", "EventIndexPage", "EventPage"]
NEWS_PATHS_SCRIPT = """
import json
from pluginnovation.news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
print(json.dumps({
    "NewsIndexPage": NewsIndexPage.objects.live().order_by("path").first().url,
    "NewsPage": NewsPage.objects.live().order_by("-date").first().url,
    "EventIndexPage": EventIndexPage.objects.live().order_by("path").first().url,
    "EventPage": EventPage.objects.live().get(slug="slutkonferens-plug-in-gr").url,
}))
"""


@pytest.fixture(scope="session")
def news_paths(demo_server):
    """The demo's news and event pages on the browser server: the newest news item, and the
    event whose calendar file a test downloads."""
    shell = subprocess.run(
        MANAGE + ["shell", "-c", NEWS_PATHS_SCRIPT],
        env=demo_server[2],
        check=True,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(shell.stdout.strip().splitlines()[-1])


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
    paths = {**news_paths, "year archive": "/aktuellt/2017/"}
    assert html_errors(site_url, paths, tmp_path) == []


def test_the_feed_is_served_as_rss(site_url, news_paths):
    with urllib.request.urlopen(site_url + news_paths["NewsIndexPage"] + "rss/") as response:
        assert response.headers["Content-Type"].startswith("application/rss+xml")
        assert b"<rss" in response.read()
