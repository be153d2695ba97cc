"""The admin in Chromium: a new term's name fills in its slug (an existing term's does not), and
the multiple image uploader's rows."""

import re

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


def test_the_multiple_uploader_asks_for_no_description_of_a_refused_file(
    page, site_url, admin_login, tmp_path
):
    """A refused file's row said "Bilden sparas inte utan en beskrivning … klicka på
    Uppdatera" above the refusal, with nothing to describe or update."""
    log_in(page, site_url, admin_login)
    page.goto(f"{site_url}/admin/images/multiple/add/")
    fake = tmp_path / "bild.png"
    fake.write_text("inte en bild")
    page.locator("#fileupload").set_input_files(str(fake))
    row = page.locator("#upload-list > li").first
    expect(row).to_have_class(re.compile("upload-failure"))
    expect(row.locator(".error_messages")).not_to_be_empty()
    expect(row.locator(".error-message")).to_be_hidden()
