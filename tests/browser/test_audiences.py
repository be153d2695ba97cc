"""The ways in for each role and the similar case studies in Chromium: axe (WCAG 2.1 A/AA), one
h1, no sideways scrolling on a phone, and the role links reached with the keyboard."""

import pytest

from .axe import axe_violations

PATHS = {
    "home with the role section": "/",
    "roles index": "/for/",
    "mentor": "/for/mentor/",
    "huvudman": "/for/huvudman/",
    "case study with similar ones": "/fallstudier/gr/porten-partille/",
    "case studies filtered on kommungrupp": "/fallstudier/?kommungrupp=a2",
}


@pytest.mark.parametrize("name", PATHS)
def test_no_wcag_violations(page, site_url, name):
    response = page.goto(site_url + PATHS[name])
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def test_the_case_study_lists_similar_schools_with_reasons(page, site_url):
    page.goto(site_url + PATHS["case study with similar ones"])
    section = page.locator("section.similar")
    assert section.locator("h2").inner_text() == "Liknande skolor och kommuner"
    assert section.locator(".similar-item").count() >= 2
    assert "Samma kommungrupp" in section.locator(".similar-item").first.inner_text()


@pytest.mark.parametrize("path", ["/", "/for/mentor/", "/fallstudier/gr/porten-partille/"])
def test_no_horizontal_scrolling_at_320_pixels(browser, site_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    tab = context.new_page()
    tab.goto(site_url + path)
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0


def test_the_role_links_are_reached_with_the_keyboard_and_show_focus(page, site_url):
    page.goto(site_url + "/")
    for _ in range(60):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.getAttribute('href')")
        if href == "/for/mentor/":
            break
    else:
        pytest.fail("Tab never reached the mentor link")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url("**/for/mentor/")
    assert page.locator("h1").inner_text() == "Mentor"
