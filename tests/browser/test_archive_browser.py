"""The static archive in Chromium: built from the browser suite's demo database with
`manage.py build_archive`, then opened from a plain file server (python -m http.server) and
from disk (file://). The search works in both, by keyboard, and passes axe.

Screenshots of the search page and a case study at 1280 and 390 px are written to
ARCHIVE_SCREENSHOTS (default: the test's temporary folder) for a person to look at.
"""

import contextlib
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import MANAGE, PROJECT_ROOT, free_port, wait_until_up

from .axe import axe_violations

CASE_STUDY = "fallstudier/gr/porten-partille/index.html"


@pytest.fixture(scope="module")
def archive_folder(demo_server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive-browser") / "arkiv"
    subprocess.run(
        MANAGE + ["build_archive", str(folder)],
        env=demo_server[2],
        cwd=PROJECT_ROOT,
        check=True,
        timeout=600,
        capture_output=True,
    )
    return folder


@contextlib.contextmanager
def file_server(folder):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/index.html", server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def served(archive_folder):
    with file_server(archive_folder) as url:
        yield url


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    folder = Path(os.environ.get("ARCHIVE_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def search(page, words):
    page.fill("#archive-search-q", words)
    page.press("#archive-search-q", "Enter")
    page.wait_for_function(
        "document.getElementById('archive-search-status').textContent.length > 0"
    )
    return page.locator("#archive-search-results a")


def test_the_file_server_serves_every_page_the_search_finds(page, served):
    page.goto(served + "/sok/index.html")
    results = search(page, "mentor")
    assert results.count() > 0
    assert "träff" in page.text_content("#archive-search-status")
    for href in results.evaluate_all("links => links.map(link => link.href)"):
        with urllib.request.urlopen(href, timeout=5) as response:
            assert response.status == 200


def test_search_works_from_disk_through_the_header_form(page, archive_folder):
    page.goto((archive_folder / CASE_STUDY).as_uri())
    assert page.locator(".archive-banner").is_visible()
    page.fill("#site-search-q", "frånvaro")
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/sok/index.html?q=*")
    page.wait_for_function("document.getElementById('archive-search-results').children.length")
    assert page.input_value("#archive-search-q") == "frånvaro"
    first = page.locator("#archive-search-results a").first
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.url.endswith("/index.html")
    assert page.locator("h1").count() == 1


def test_case_and_swedish_letters(page, served):
    page.goto(served + "/sok/index.html")
    lower = search(page, "frånvaro").count()
    assert lower > 0
    assert search(page, "FRÅNVARO").count() == lower
    search(page, "xyzzyq")
    assert page.locator("#archive-search-results a").count() == 0
    assert "Inga träffar" in page.text_content("#archive-search-status")


def test_the_search_is_usable_by_keyboard(page, served):
    page.goto(served + "/sok/index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.focus("#archive-search-q")
    page.keyboard.type("samverkan")
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('archive-search-results').children.length")
    assert page.evaluate("document.activeElement.id") == "archive-search-q"
    page.keyboard.press("Tab")  # the button
    page.keyboard.press("Tab")  # the first result
    focused = page.evaluate("document.activeElement.closest('#archive-search-results') !== null")
    assert focused
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)


@pytest.mark.parametrize("address", ["/sok/index.html", "/en/sok/index.html"])
def test_the_search_page_passes_axe(page, served, address):
    page.goto(served + address)
    search(page, "plug")
    assert axe_violations(page) == []


def test_the_search_page_without_javascript_offers_the_listings(browser, served):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(served + "/sok/index.html")
        links = tab.locator(".archive-browse a").evaluate_all("a => a.map(l => l.href)")
        assert any(link.endswith("/metoder/index.html") for link in links)
        assert any(link.endswith("/framgangsfaktorer/index.html") for link in links)
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots(browser, served, screenshots, width):
    context = browser.new_context(locale="sv-SE", viewport={"width": width, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(served + "/sok/index.html?q=mentor")
        tab.wait_for_function("document.getElementById('archive-search-results').children.length")
        tab.screenshot(path=str(screenshots / f"archive-search-{width}.png"), full_page=False)
        tab.goto(served + "/" + CASE_STUDY)
        tab.screenshot(path=str(screenshots / f"archive-case-study-{width}.png"), full_page=False)
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
    finally:
        context.close()
