"""Tipsa om ett arbetssätt in Chromium: axe on the form (empty and with errors) and the thank-you
page, the whole form with the keyboard alone, screenshots at two widths, and a Redaktör clicking
from the list of tips to "Gör till fallstudie"."""

import os
import time
from pathlib import Path

import pytest

from .axe import axe_violations

MAX_TABS = 120
# The server keeps the default SUBMISSIONS_MIN_SECONDS; the keyboard test waits it out.
MIN_SECONDS = 3.2
SCREENSHOTS = Path(os.environ.get("SUBMISSIONS_SCREENSHOTS", "/tmp/submissions/screens"))
EDITOR = {"username": "redaktor-tips", "password": "tips-losenord-2231"}
EDITOR_SCRIPT = f"""
from django.contrib.auth.models import Group
from django.contrib.auth import get_user_model
from pluginnovation.editorial.roles import EDITORS
from pluginnovation.submissions.models import Submission
from pluginnovation.taxonomy.models import Municipality, SuccessFactor
user, _ = get_user_model().objects.get_or_create(
    username="{EDITOR["username"]}", defaults={{"email": "tips@example.org"}}
)
user.set_password("{EDITOR["password"]}")
user.save()
user.groups.add(Group.objects.get(name=EDITORS))
municipality = Municipality.objects.filter(region__section__isnull=False).order_by("name").first()
tip = Submission.objects.create(
    title="Läxhjälp i biblioteket", school="Browserskolan", municipality=municipality,
    what_was_done="Lärare fanns i biblioteket varje eftermiddag.", contact_email="a@b.se",
    consent=True,
)
tip.factors.set(SuccessFactor.objects.all()[:1])
"""


def tab_to(page, selector, visited=None):
    """Press Tab until the focused element matches; every stop must show its focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id")
        if visited is not None:
            visited.append(focused)
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", selector
            return
    raise AssertionError(f"Tab never reached {selector}")


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def tips_site(site_url, site_shell):
    """The demo server, with a Redaktör and one tip in its database."""
    site_shell(EDITOR_SCRIPT)
    return site_url


def test_the_form_empty_and_with_errors_passes_axe(page, tips_site):
    page.goto(tips_site + "/tipsa/")
    assert page.locator("h1").inner_text() == "Tipsa om ett arbetssätt"
    assert axe_violations(page) == []
    assert page.locator(".submission-trap").bounding_box()["x"] < 0  # out of sight
    screenshot(page, "form-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "form-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_label("Rubrik").fill("Ett tips utan det mesta")
    with page.expect_navigation():
        page.get_by_role("button", name="Skicka tipset").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.get_by_label("Rubrik").input_value() == "Ett tips utan det mesta"
    assert axe_violations(page) == []
    screenshot(page, "form-errors-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "form-errors-390")

    # A link in the summary takes focus to its field.
    summary.get_by_role("link", name="Skriv vilken skola eller verksamhet det gäller.").click()
    assert page.evaluate("document.activeElement.id") == "id_school"


def test_the_whole_form_with_the_keyboard_alone(page, tips_site):
    page.goto(tips_site + "/tipsa/")
    shown = time.monotonic()
    visited = []
    tab_to(page, "#id_title", visited)
    page.keyboard.type("Närvarocoacher med tangentbordet")
    tab_to(page, "#id_school", visited)
    page.keyboard.type("Tangentbordsgymnasiet")
    tab_to(page, "#id_municipality", visited)
    name = page.locator("#id_municipality option").nth(1).inner_text()
    page.keyboard.type(name)
    assert page.locator("#id_municipality option:checked").inner_text() == name
    tab_to(page, "#id_factors_0", visited)
    page.keyboard.press("Space")
    tab_to(page, "#id_what_was_done", visited)
    page.keyboard.type("Två coacher ringde hem samma dag som en elev var borta.")
    tab_to(page, "#id_results", visited)
    page.keyboard.type("Närvaron steg.")
    tab_to(page, "#id_contact_email", visited)
    page.keyboard.type("coach@skolan.se")
    tab_to(page, "#id_consent", visited)
    page.keyboard.press("Space")
    tab_to(page, "#skicka", visited)
    assert "id_webbplats" not in visited  # the honeypot is never in the tab order

    waited = MIN_SECONDS - (time.monotonic() - shown)
    if waited > 0:
        page.wait_for_timeout(waited * 1000)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == tips_site + "/tipsa/tack/"
    assert page.locator("h1").inner_text() == "Tack för ditt tips!"
    assert "”Närvarocoacher med tangentbordet”" in page.locator(".lead").inner_text()
    assert axe_violations(page) == []
    screenshot(page, "thanks-1280")


def test_a_redaktor_turns_a_tip_into_a_draft_case_study(page, tips_site):
    page.goto(tips_site + "/admin/login/")
    page.locator("#id_username").fill(EDITOR["username"])
    page.locator("#id_password").fill(EDITOR["password"])
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in").click()

    page.goto(tips_site + "/admin/snippets/submissions/submission/")
    assert page.get_by_role("heading", name="Tips från skolor").first.is_visible()
    # The title opens the whole tip with its button, not the form that edits it.
    page.get_by_role("link", name="Läxhjälp i biblioteket").first.click()
    page.wait_for_url("**/inspect/**")
    tip_id = page.url.rstrip("/").split("/")[-1]
    assert "Lärare fanns i biblioteket varje eftermiddag." in page.content()
    screenshot(page, "admin-inspect")
    with page.expect_navigation():
        page.get_by_role("button", name="Gör till fallstudie").click()
    assert "/admin/pages/" in page.url and page.url.endswith("/edit/")
    assert "Ett utkast till fallstudie skapades" in page.content()
    assert page.locator("#id_title").input_value() == "Läxhjälp i biblioteket"
    screenshot(page, "admin-draft")

    # Back on the tip: it links its draft instead of offering the button again.
    page.goto(tips_site + f"/admin/snippets/submissions/submission/inspect/{tip_id}/")
    assert page.get_by_role("button", name="Gör till fallstudie").count() == 0
    assert "(utkast)" in page.content()
