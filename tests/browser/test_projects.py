"""axe-core in Chromium on the project pages and the region sections: no WCAG 2.1 A/AA
violation, one h1, no horizontal scrolling on a phone, valid HTML (the demo loader makes the
project pages: pluginnovation.projects.demo.load_projects).
"""

import pytest

from .axe import axe_violations
from .nu_checker import html_errors

PATHS = {
    "project index": "/projekt/",
    "project page": "/projekt/plug-in/",
    "project page with few case studies": "/projekt/plug-in-2-0/",
    "project page with funding figures": "/projekt/plug-innan/",
    "region with case studies": "/fallstudier/gr/",
    "region without case studies": "/fallstudier/skane/",
    "case study index with region links": "/fallstudier/",
}


@pytest.mark.parametrize("name", PATHS)
def test_project_and_region_pages_have_no_wcag_violations(page, site_url, name):
    response = page.goto(site_url + PATHS[name])
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    "name",
    [
        "project page",
        "project page with funding figures",
        "region with case studies",
        "project index",
    ],
)
def test_no_horizontal_scrolling_at_320_pixels(browser, site_url, name):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    tab = context.new_page()
    tab.goto(site_url + PATHS[name])
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0


def test_the_project_map_is_a_picture_with_its_counties_in_words(page, site_url):
    page.goto(site_url + "/projekt/plug-in/")
    svg = page.locator(".county-map-small svg")
    assert svg.get_attribute("role") == "img"
    assert page.locator(".county-map-small__county--fallstudier").count() >= 1
    listed = page.locator(".county-map-small__list dt").all_inner_texts()
    assert "Jämtlands län" in listed and "Västra Götalands län" in listed


def test_project_and_region_pages_are_valid_html(site_url, tmp_path):
    assert html_errors(site_url, PATHS, tmp_path) == []


# Each word of the element's text as a Range: a word broken over two lines has two boxes.
BROKEN_WORDS = """element => {
    const broken = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map(box => Math.round(box.top)));
            if (lines.size > 1) broken.push(match[0]);
        }
    }
    return broken;
}"""


# On a phone the rows are stacked (name over amount), so no word is broken, and the table is
# still a table with its row and column headers to a screen reader.
@pytest.mark.parametrize("width", [390, 360, 320])
@pytest.mark.parametrize("path", ["/projekt/plug-in/", "/projekt/plug-innan/"])
def test_the_funding_table_keeps_its_words_whole_on_a_phone(browser, site_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(site_url + path)
    cells = tab.locator(".project-funding tbody th, .project-funding tbody td")
    assert cells.count() >= 2
    broken = [word for cell in cells.all() for word in cell.evaluate(BROKEN_WORDS)]
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    table = tab.get_by_role("table")
    headers = table.get_by_role("columnheader").all_inner_texts()
    row_headers = table.get_by_role("rowheader").count()
    rows = tab.locator(".project-funding tbody tr").count()
    context.close()
    assert broken == []
    assert headers == ["Finansiär", "Belopp"]
    assert row_headers == rows
    assert overflow <= 0
