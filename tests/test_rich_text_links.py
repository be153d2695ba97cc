"""Links in rich text (content/rich_text_links.py) in the language shown: a link to a page
leads to its translation when a visitor may see that, else to the page itself."""

from django.utils import translation

from wagtail.models import PageViewRestriction
from wagtail.rich_text import expand_db_html

import pytest

from methods.models import EvidencePage

pytestmark = pytest.mark.django_db


def link_to(page):
    return f'<p><a linktype="page" id="{page.pk}">om evidens</a></p>'


def test_a_link_leads_to_the_translation_in_the_language_shown():
    swedish = EvidencePage.objects.get(locale__language_code="sv")
    with translation.override("en"):
        assert 'href="/en/about/evidence/"' in expand_db_html(link_to(swedish))
    with translation.override("sv"):
        assert 'href="/om/evidens/"' in expand_db_html(link_to(swedish))


def test_a_restricted_translation_is_not_linked():
    swedish = EvidencePage.objects.get(locale__language_code="sv")
    english = EvidencePage.objects.get(locale__language_code="en")
    PageViewRestriction.objects.create(page=english, restriction_type="password", password="x")
    with translation.override("en"):
        html = expand_db_html(link_to(swedish))
    assert "/en/about/evidence/" not in html
    assert 'href="/om/evidens/"' in html
    # And the other way: a link to the restricted English page from a Swedish text.
    with translation.override("sv"):
        assert expand_db_html(link_to(english)) == "<p><a>om evidens</a></p>"


@pytest.mark.parametrize("raw", ["9" * 25, "²", "-1", "", "1 2", "abc"])
def test_a_link_with_a_strange_id_keeps_its_words(raw):
    for kind in ("page", "document"):
        html = expand_db_html(f'<p><a linktype="{kind}" id="{raw}">ord</a></p>')
        assert html == "<p><a>ord</a></p>"
