"""axe-core in Chromium on every page type: no WCAG 2.1 A/AA violation is allowed."""

import pytest

from .axe import axe_violations

FIXED_PATHS = {
    "home": "/",
    "factor list": "/framgangsfaktorer/",
    "factor page": "/framgangsfaktorer/samverkan/",
    "research listing filtered": "/forskning/?faktor=uppfoljning&niva=individ",
    "case study listing filtered": "/fallstudier/?faktor=samverkan&typ=fallstudie",
    "method listing filtered": "/metoder/?insatstyp=forebyggande",
    "explore filtered": "/utforska/?faktor=flexibilitet&typ=metod&typ=forskning",
    "search with hits": "/sok/?q=fr%C3%A5nvaro",
    "search without hits": "/sok/?q=xyzzyqwerty",
    "search empty": "/sok/",
    "search naming a filter": "/sok/?q=nyanl%C3%A4nda",
    "accessibility statement": "/tillganglighet/",
    "evidence explanation": "/om/evidens/",
    "methods sorted by evidence": "/metoder/?ordning=evidens&kunskapsgrund=vetenskaplig-grund",
    "not found": "/finns-inte-alls/",
    "results overview": "/resultat/",
    "open data": "/oppna-data/",
}
DETAIL_TYPES = ["ResearchArticlePage", "CaseStudyPage", "MethodPage", "RegionSectionPage"]


@pytest.mark.parametrize("name", FIXED_PATHS)
def test_fixed_pages_have_no_wcag_violations(page, site_url, name):
    page.goto(site_url + FIXED_PATHS[name])
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


@pytest.mark.parametrize("page_type", DETAIL_TYPES)
def test_detail_pages_have_no_wcag_violations(page, site_url, page_paths, page_type):
    response = page.goto(site_url + page_paths[page_type])
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


# WCAG 1.4.12's text spacing, as a reader's style sheet would set it.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"
)


@pytest.mark.parametrize("spacing", [False, True], ids=["", "text spacing"])
@pytest.mark.parametrize(
    "path",
    ["/", "/utforska/?faktor=samverkan", "/fallstudier/", "/aktuellt/", "MethodPage", "/karta/"]
    + ["/projekt/", "/resultat/"],
)
def test_no_horizontal_scrolling_at_320_pixels(browser, site_url, page_paths, path, spacing):
    # The site's CSP forbids inline styles; a reader's own style sheet is not bound by it.
    context = browser.new_context(viewport={"width": 320, "height": 700}, bypass_csp=spacing)
    tab = context.new_page()
    tab.goto(site_url + page_paths.get(path, path))
    if spacing:
        tab.add_style_tag(content=TEXT_SPACING)
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_main(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


@pytest.mark.parametrize("template", ["400.html", "500.html", "503.html"])
def test_error_pages_without_the_database_have_no_wcag_violations(page, site_url, template):
    """Plain HTML a server sends when it cannot render a page (the 503 while the database
    restarts); shown here on the site's own address, so its stylesheet loads."""
    from django.template.loader import render_to_string

    page.goto(site_url + "/robots.txt")
    page.set_content(render_to_string(template))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def test_a_form_refused_for_its_missing_cookie_has_no_wcag_violations(page, site_url):
    """Cookies gone (turned off, or the page left open for long) and the form sent: the site's
    own Swedish page, not Django's English one."""
    page.goto(site_url + "/bevaka/")
    page.context.clear_cookies()
    with page.expect_navigation():
        page.evaluate("document.querySelector('main form[method=post]').submit()")
    assert page.title().startswith("Formuläret kunde inte skickas")
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
