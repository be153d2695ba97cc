"""The English pages in Chromium: axe on each page type, the switcher by keyboard, 320 px."""

import pytest

from .axe import axe_violations

ENGLISH_PATHS = {
    "english home": "/en/",
    "english information page": "/en/about/",
    "english evidence explanation": "/en/about/evidence/",
    "english how to use": "/en/how-to-use/",
    "english accessibility statement": "/en/accessibility/",
    "english not found": "/en/no-such-page/",
    # An English term's name: no hits, but its filter offered.
    "english search naming a filter": "/en/sok/?q=preventive",
}


@pytest.mark.parametrize("name", ENGLISH_PATHS)
def test_english_pages_have_no_wcag_violations(page, site_url, name):
    page.goto(site_url + ENGLISH_PATHS[name])
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def test_the_language_switcher_is_reached_and_followed_by_keyboard(page, site_url):
    page.goto(site_url + "/om/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.className") == "language-link":
            break
    assert page.evaluate("document.activeElement.textContent") == "English"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "/en/about/")
    assert page.locator("html").get_attribute("lang") == "en"
    switcher = page.locator(".language-link")
    assert switcher.get_attribute("lang") == "sv"
    assert switcher.get_attribute("href") == "/om/"


def test_the_english_home_page_fits_a_320_pixel_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    tab = context.new_page()
    tab.goto(site_url + "/en/")
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0
