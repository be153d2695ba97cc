"""A date typed wrongly in the admin stays as typed and gets a Swedish message on saving.

Wagtail's date picker replaced a value it could not read with today's date when the field lost
focus, so "31/12/2025" in "Publicerad" was saved as today without a word (and in "Senast
granskad" it would record a review that never happened)."""

import pytest

from .test_admin_csp import log_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("typed", ["31/12/2025", "2025-13-45", "igår"])
def test_a_wrong_date_is_kept_and_refused_in_swedish(page, site_url, page_ids, admin_login, typed):
    log_in(page, site_url, admin_login)
    page.goto(f"{site_url}/admin/pages/{page_ids['MethodPage']}/edit/")
    page.get_by_role("tab", name="Kategorier").click()
    field = page.locator("#id_published_date")
    field.fill(typed)
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")  # close the picker if it opened
    assert field.input_value() == typed
    with page.expect_navigation():
        page.get_by_role("button", name="Spara utkast").click()
    assert page.locator("#id_published_date").input_value() == typed
    assert "Fyll i ett giltigt datum." in page.content()


@pytest.mark.parametrize("typed", ["31/12/2027 10:00", "2027-02-30 10:00"])
def test_a_wrong_publishing_time_in_the_schedule_is_kept_and_refused(
    page, site_url, page_ids, admin_login, typed
):
    """The schedule dialog's picker turned "31/12/2027 10:00" into the present moment when the
    field lost focus: "Publicera" then put the page live at once, a year early, and 30 February
    became 2 March without a word."""
    log_in(page, site_url, admin_login)
    page.goto(f"{site_url}/admin/pages/{page_ids['MethodPage']}/edit/")
    page.locator("[data-side-panel-toggle='status']").first.click()
    page.get_by_role("button", name="Sätt schema").click()
    field = page.locator("#id_go_live_at")
    field.fill(typed)
    page.keyboard.press("Tab")
    assert field.input_value() == typed
    # "Spara schema" saves the page; by keyboard, as the next field's picker may cover it.
    page.get_by_role("button", name="Spara schema").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#id_go_live_at").input_value() == typed
    assert "Fyll i ett giltigt datum/tid." in page.content()
