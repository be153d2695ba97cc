"""A link in body text to something a visitor may not see keeps its words but is drawn as plain
text: not underlined, not in the link colour, not reachable with Tab (it has no address)."""

import pytest

from .axe import axe_violations

SCRIPT = """
from pluginnovation.home.models import HomePage, StandardPage
home = HomePage.objects.get(locale__language_code="sv")
if not StandardPage.objects.filter(slug="lankprov").exists():
    page = home.add_child(instance=StandardPage(
        title="Länkprov", slug="lankprov", show_in_menus=False,
        body=[{"type": "paragraph", "value":
            '<p>Läs <a linktype="page" id="99999999">den gamla sidan</a> eller '
            '<a linktype="page" id="' + str(home.pk) + '">startsidan</a>.</p>'}],
    ))
    page.save_revision().publish()
"""


@pytest.fixture(scope="module")
def link_page(site_shell, site_url):
    site_shell(SCRIPT)
    return site_url + "/lankprov/"


def test_a_link_without_an_address_reads_as_plain_text(page, link_page):
    page.goto(link_page)
    gone = page.locator("a:not([href])", has_text="den gamla sidan")
    live = page.get_by_role("link", name="startsidan")
    paragraph_colour = gone.evaluate("a => getComputedStyle(a.parentElement).color")
    assert gone.evaluate("a => getComputedStyle(a).textDecorationLine") == "none"
    assert gone.evaluate("a => getComputedStyle(a).color") == paragraph_colour
    assert live.evaluate("a => getComputedStyle(a).textDecorationLine") == "underline"
    assert page.get_by_role("link", name="den gamla sidan").count() == 0
    assert axe_violations(page) == []
