"""However a list of search hits was come by, a draft or a restricted page is never shown."""

from wagtail.models import PageViewRestriction

import pytest

from methods.models import MethodPage
from pluginnovation.discovery import fulltext
from tests.discovery_support import add_page

pytestmark = pytest.mark.django_db


def test_hits_that_became_hidden_are_not_shown(client, monkeypatch):
    shown = add_page(MethodPage, "Zyxsynlig metod")
    draft = add_page(MethodPage, "Zyxutkastmetod", live=False)
    secret = add_page(MethodPage, "Zyxskyddad metod")
    PageViewRestriction.objects.create(page=secret.get_parent(), password="hemligt")
    # A kept ranking from before the page was unpublished or restricted.
    hits = [(page.pk, page.content_type_id) for page in (draft, secret, shown)]
    monkeypatch.setattr(fulltext, "find", lambda words, request=None: fulltext.Found(hits))
    html = client.get("/sok/?q=zyx").content.decode()
    assert "Zyxsynlig metod" in html
    assert "Zyxutkastmetod" not in html
    assert "Zyxskyddad metod" not in html
