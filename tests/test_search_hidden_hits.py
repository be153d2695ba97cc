"""However a list of search hits was come by, a draft or a restricted page is never shown."""

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest
from wagtail_factories import DocumentFactory, ImageFactory

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


def test_an_image_or_document_blocks_words_are_not_searched(client):
    """A figure's caption and alt text and a document's link text are on the page only while the
    file is public (a file moved to a private collection later is left off the page): the site
    search and the API's ?search= found those words anyway, so a guess confirmed hidden text.
    They are not indexed at all, as the excerpts and the open data leave them out."""
    collection = Collection.get_first_root_node().add_child(name="Interna bilder")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    image = ImageFactory(title="Bild", collection=collection)
    document = DocumentFactory(title="Protokoll", collection=collection)
    figure = {"image": image.pk, "alt_text": "Zyxbildalt", "decorative": False}
    add_page(
        MethodPage,
        "Zyxsida med bild",
        body="Zyxsynligtext i brödtexten.",
        blocks=[
            {"type": "image", "value": {"image": figure, "caption": "Zyxbildtext"}},
            {"type": "document", "value": {"document": document.pk, "title": "Zyxlänktext"}},
        ],
    )
    assert "Zyxsida med bild" in client.get("/sok/?q=zyxsynligtext").content.decode()
    for word in ("zyxbildtext", "zyxbildalt", "zyxlänktext"):
        assert "Zyxsida med bild" not in client.get("/sok/", {"q": word}).content.decode(), word
        api = client.get("/api/v2/pages/", {"search": word}).json()
        assert api["meta"]["total_count"] == 0, word
