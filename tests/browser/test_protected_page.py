"""A password-protected page in Chromium: the site's own form passes axe at two widths, is used
with the keyboard alone (a wrong password, then the right one), and shows nothing of the page
until the password is given. Screenshots go to PROTECTED_SCREENSHOTS for a person to look at."""

import os
from pathlib import Path

import pytest

from .axe import axe_violations

SCREENSHOTS = Path(os.environ.get("PROTECTED_SCREENSHOTS", "/tmp/protected/screens"))
TITLE = "Skyddad sida för styrgruppen"
PASSWORD = "solros-42"
SCRIPT = f"""
from wagtail.models import PageViewRestriction
from pluginnovation.home.models import HomePage, StandardPage
home = HomePage.objects.get(locale__language_code="sv")
page = StandardPage.objects.filter(slug="skyddad-styrgrupp").first()
if page is None:
    page = home.add_child(instance=StandardPage(
        title="{TITLE}", slug="skyddad-styrgrupp", intro="Protokoll från styrgruppen.",
    ))
    page.save_revision().publish()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="{PASSWORD}"
    )
"""
PATH = "/skyddad-styrgrupp/"


@pytest.fixture(scope="module")
def protected(site_shell, site_url):
    site_shell(SCRIPT)
    return site_url + PATH


@pytest.mark.parametrize("width", [1280, 390])
def test_the_password_form_has_no_wcag_violations(browser, protected, width):
    context = browser.new_context(locale="sv-SE", viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(protected)
    assert tab.locator("h1").inner_text() == "Lösenord krävs"
    assert TITLE not in tab.content()
    assert tab.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert axe_violations(tab) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"password-{width}.png"), full_page=True)
    context.close()


def test_the_password_is_given_with_the_keyboard_alone(page, protected):
    page.goto(protected)
    field = page.get_by_label("Lösenord", exact=True)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_password":
            break
    else:
        pytest.fail("the password field cannot be reached with Tab")
    page.keyboard.type("fel-losenord")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    error = page.locator(".access-error")
    assert error.inner_text() == "Fel: Lösenordet stämmer inte. Försök igen."
    assert field.get_attribute("aria-invalid") == "true"
    # Said in the title, and the field has the focus again: type the right one at once.
    assert page.title().startswith("Fel: ")
    assert page.evaluate("document.activeElement.id") == "id_password"
    assert axe_violations(page) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "password-wrong-1280.png"), full_page=True)
    page.keyboard.type(PASSWORD)
    with page.expect_navigation(url=f"**{PATH}"):
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == TITLE


# Last in this module: it uses up this address's tries for the page's password.
def test_too_many_wrong_passwords_give_a_page_of_their_own(browser, protected):
    context = browser.new_context(locale="sv-SE", viewport={"width": 390, "height": 900})
    tab = context.new_page()
    for _ in range(12):
        tab.goto(protected)
        tab.get_by_label("Lösenord", exact=True).fill("gissning")
        with tab.expect_navigation():
            tab.get_by_role("button", name="Fortsätt").click()
        if tab.locator("h1").inner_text() == "För många försök":
            break
    else:
        pytest.fail("wrong passwords were accepted without end")
    assert TITLE not in tab.content()
    assert tab.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    for width in (390, 1280):
        tab.set_viewport_size({"width": width, "height": 900})
        assert axe_violations(tab) == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"password-too-many-{width}.png"), full_page=True)
    context.close()
