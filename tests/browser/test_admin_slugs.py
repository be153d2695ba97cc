"""An address typed into a slug field keeps its Swedish letters as letters: "Åäö slug" became
"-slug" on leaving the field (Wagtail's slugify drops what is not ASCII), while a slug made from
the title turns them into a, a and o."""

import pytest

from .test_admin_csp import log_in

pytestmark = pytest.mark.browser


def test_a_typed_page_slug_keeps_its_swedish_letters(page, site_url, page_ids, admin_login):
    log_in(page, site_url, admin_login)
    page.goto(f"{site_url}/admin/pages/{page_ids['MethodPage']}/edit/")
    page.get_by_role("tab", name="Marknadsföring").click()
    field = page.locator("#id_slug")
    field.fill("Åäö slug med mellanslag")
    page.keyboard.press("Tab")
    assert field.input_value() == "aao-slug-med-mellanslag"


def test_a_typed_region_slug_keeps_its_swedish_letters(page, site_url, admin_login):
    log_in(page, site_url, admin_login)
    page.goto(f"{site_url}/admin/snippets/taxonomy/region/add/")
    field = page.locator("#id_slug")
    field.fill("Åäö län")
    page.keyboard.press("Tab")
    assert field.input_value() == "aao-lan"
