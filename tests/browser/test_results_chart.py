"""The results chart of a case study in Chromium: every word of it inside the picture, and
readable on a phone (SVG text does not wrap by itself, and the picture scales with the page)."""

import pytest

# Demo case studies whose results have long descriptions, a missing value before, or a long
# value with its direction ("6 av 7 elever – Riktning okänd").
CASE_STUDIES = [
    "/fallstudier/gr/lerums-gymnasium-bygg/",
    "/fallstudier/gr/molndal-uppfoljningsansvar/",
    "/fallstudier/jamtland-harjedalen/plug-in-jamtland/",
]
# Rendered text under this size (CSS px) is too small to read on a phone.
SMALLEST_TEXT = 12

OUTSIDE = """svg => {
    const width = svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll("text")]
        .map(text => [text.getBBox(), text.textContent])
        .filter(([box]) => box.x < -0.5 || box.x + box.width > width + 0.5)
        .map(([box, words]) => `${words} (${Math.round(box.x)}–${Math.round(box.x + box.width)})`);
}"""
SMALLEST = """svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Math.min(...[...svg.querySelectorAll("text")].map(
        text => parseFloat(getComputedStyle(text).fontSize) * scale));
}"""


@pytest.mark.parametrize("width", [1280, 390, 320])
@pytest.mark.parametrize("path", CASE_STUDIES)
def test_the_chart_shows_all_its_text_readably(browser, site_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    assert tab.goto(site_url + path).status == 200
    charts = tab.locator("svg.results-chart")
    assert charts.count() == 1
    outside = charts.first.evaluate(OUTSIDE)
    smallest = charts.first.evaluate(SMALLEST)
    text = charts.first.text_content()
    context.close()
    assert outside == []
    assert smallest >= SMALLEST_TEXT
    assert "…" not in text


WIDE_TABLES = """() => [...document.querySelectorAll(".table-scroll")].map(box => {
    const hint = box.previousElementSibling;
    return {
        wider: box.scrollWidth > box.clientWidth + 1,
        hinted: Boolean(hint && hint.matches(".table-scroll-hint") && hint.checkVisibility()),
    };
})"""


@pytest.mark.parametrize("path", ["/resultat/", "/en/resultat/", CASE_STUDIES[0], "/oppna-data/"])
@pytest.mark.parametrize("width", [1280, 390])
def test_a_table_wider_than_its_box_says_so(browser, site_url, path, width):
    """Scroll bars that show only while scrolling leave a cut-off table looking complete: a
    table that does not fit has the hint above it at every width, and one that fits has
    none (the hint says the table is wider than the screen)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    assert tab.goto(site_url + path).status == 200
    tables = tab.evaluate(WIDE_TABLES)
    assert tables, path
    for table in tables:
        assert table["hinted"] == table["wider"], (path, width, tables)
    if path.endswith("/resultat/"):
        # Every result's row fits a desk's screen; a phone scrolls it sideways.
        assert any(table["wider"] for table in tables) == (width < 1280), (width, tables)


@pytest.mark.parametrize("width", [320, 390])
def test_the_rows_tables_caption_is_whole_in_view_on_a_phone(browser, site_url, width):
    """The caption scrolled with its table: at 320 px it read "Varje resultat med fallstudie
    och k", cut at the box's edge."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(site_url + "/resultat/")
    box = tab.locator("#rows-caption").locator("xpath=ancestor::div[@role='region']")
    caption_right = tab.evaluate(
        "() => { const r = document.createRange();"
        " r.selectNodeContents(document.getElementById('rows-caption'));"
        " return Math.max(...[...r.getClientRects()].map(b => b.right)); }"
    )
    box_right = box.bounding_box()
    context.close()
    assert caption_right <= box_right["x"] + box_right["width"] + 0.5
