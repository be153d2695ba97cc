"""/oppna-data/ in Chromium: no WCAG 2.1 A/AA violation, one h1 and headings in order, no
sideways scrolling on a phone (the files' table scrolls in its own box), a file downloads with
its name, and screenshots at 1280 and 390 px (OPEN_DATA_SCREENSHOTS, to look at)."""

import os
from pathlib import Path

import pytest

from .axe import axe_violations

SCREENSHOTS = Path(os.environ.get("OPEN_DATA_SCREENSHOTS", "/tmp/opendata/screens"))
HEADING_LEVELS = """
[...document.querySelectorAll("main h1, main h2, main h3, main h4")].map(h => +h.tagName[1])
"""


@pytest.fixture
def open_data(page, site_url):
    page.goto(site_url + "/oppna-data/")
    return page


def test_the_page_passes_axe_at_both_widths(open_data):
    assert open_data.locator("h1").all_inner_texts() == ["Öppna data"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 900), (390, 844)):
        open_data.set_viewport_size({"width": width, "height": height})
        assert axe_violations(open_data) == [], width
        overflow = open_data.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{overflow} px sideways at {width} px"
        open_data.screenshot(path=str(SCREENSHOTS / f"oppna-data-{width}.png"), full_page=True)


def test_headings_go_down_one_level_at_a_time(open_data):
    levels = open_data.evaluate(HEADING_LEVELS)
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


def test_the_files_table_names_its_headers_and_every_file_downloads(open_data):
    table = open_data.locator("table", has=open_data.locator("caption"))
    assert table.locator("caption").inner_text().startswith("Filer att ladda ner")
    assert table.locator("thead th[scope=col]").all_inner_texts() == [
        "Innehåll",
        "CSV",
        "JSON",
        "Rader",
    ]
    assert table.locator("tbody th[scope=row]").first.inner_text() == "Forskning"
    names = table.locator("tbody a").all_inner_texts()
    assert {"forskning.csv", "resultat.json", "taxonomi.csv", "allt.zip"} <= set(names)
    with open_data.expect_download() as download:
        open_data.get_by_role("link", name="resultat.csv", exact=True).click()
    assert download.value.suggested_filename == "resultat.csv"
    assert Path(download.value.path()).read_bytes().startswith(b"\xef\xbb\xbfresult_id,")


def test_the_404_for_an_unknown_file_passes_axe(page, site_url):
    response = page.goto(site_url + "/oppna-data/finns-inte.csv")
    assert response.status == 404
    assert page.locator("h1").all_inner_texts() == ["Filen finns inte"]
    assert axe_violations(page) == []
    page.screenshot(path=str(SCREENSHOTS / "finns-inte-1280.png"), full_page=True)
