"""The taxonomy in the admin: a new term's name fills in its slug, an existing term's does not."""

import pytest
from playwright.sync_api import expect

from .test_admin_csp import log_in

pytestmark = pytest.mark.browser


def test_a_new_terms_name_fills_in_its_slug_and_an_old_ones_keeps_it(page, site_url, admin_login):
    log_in(page, site_url, admin_login)
    page.goto(f"{site_url}/admin/snippets/taxonomy/region/add/")
    page.locator("#id_name").click()
    page.locator("#id_name").press_sequentially("Region Östra Småland")
    expect(page.locator("#id_slug")).to_have_value("region-ostra-smaland")

    page.goto(f"{site_url}/admin/snippets/taxonomy/region/")
    page.locator("table a[href*='/edit/']").first.click()
    slug = page.locator("#id_slug").input_value()
    name = page.locator("#id_name")
    name.click()
    name.press("End")
    name.press_sequentially(" och omnejd")
    name.blur()
    expect(page.locator("#id_slug")).to_have_value(slug)
