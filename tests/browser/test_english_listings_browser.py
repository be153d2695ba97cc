"""The English search and listing pages in Chromium: no WCAG 2.1 A/AA violation (axe), the
page in English with the Swedish content marked, and no sideways scrolling on a phone."""

import pytest

from .axe import axe_violations

ENGLISH_PATHS = {
    "search with hits": "/en/sok/?q=fr%C3%A5nvaro",
    "search filtered": "/en/sok/?q=elever&faktor=samverkan&typ=metod",
    "search without hits": "/en/sok/?q=xyzzyqwerty",
    "factor list": "/en/framgangsfaktorer/",
    "factor page": "/en/framgangsfaktorer/samverkan/",
    "explore": "/en/utforska/",
    "explore filtered": "/en/utforska/?typ=metod&ordning=evidens&sida=1",
    "explore by terms": "/en/utforska/?insatstyp=forebyggande&malgrupp=nyanlanda&region=gr",
    "results overview": "/en/resultat/",
}


@pytest.mark.parametrize("name", ENGLISH_PATHS)
def test_english_listings_have_no_wcag_violations(page, site_url, name):
    response = page.goto(site_url + ENGLISH_PATHS[name])
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def test_swedish_hits_are_marked_in_the_english_search(page, site_url):
    page.goto(site_url + ENGLISH_PATHS["search with hits"])
    titles = page.locator(".search-hit .card__title a")
    assert titles.count() > 0
    for index in range(titles.count()):
        assert titles.nth(index).get_attribute("lang") == "sv"
    assert page.locator("#results-heading").inner_text().endswith("results")


@pytest.mark.parametrize("name", ["search with hits", "factor page", "explore"])
def test_no_sideways_scrolling_on_a_phone(browser, site_url, name):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    tab = context.new_page()
    tab.goto(site_url + ENGLISH_PATHS[name])
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0
