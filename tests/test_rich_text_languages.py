"""Editors can mark a passage of rich text as English or Swedish (WCAG 2.1 3.1.2, Language of
Parts): the Draftail buttons "EN" and "SV" store <span lang="…">, which the page, the open API
and a second round in the editor keep."""

import json

from django.contrib.auth import get_user_model

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import expand_db_html

import pytest

from pluginnovation.content.blocks import RICH_TEXT_FEATURES
from research.models import ResearchArticlePage
from tests.factories import ResearchArticlePageFactory, ResearchIndexPageFactory, site_root

pytestmark = pytest.mark.django_db

FEATURES = ["bold", "italic", "lang-en", "lang-sv"]


def contentstate(text, style, start, length):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [{"offset": start, "length": length, "style": style}],
                    "entityRanges": [],
                    "data": {},
                }
            ],
            "entityMap": {},
        }
    )


def styles(html, features=FEATURES):
    """The inline styles the editor shows for stored HTML."""
    state = json.loads(ContentstateConverter(features).from_database_format(html))
    return [(r["style"], r["offset"], r["length"]) for r in state["blocks"][0]["inlineStyleRanges"]]


def test_an_english_passage_is_stored_with_its_language():
    converter = ContentstateConverter(FEATURES)
    html = converter.to_database_format(
        contentstate("Vi läste Student engagement.", "LANG_EN", 9, 18)
    )
    assert (
        html == '<p data-block-key="a1b2c">Vi läste <span lang="en">Student engagement</span>.</p>'
    )
    # Opened again in the editor: the same passage, still marked.
    assert styles(html) == [("LANG_EN", 9, 18)]


def test_a_swedish_passage_in_an_english_text():
    converter = ContentstateConverter(FEATURES)
    html = converter.to_database_format(contentstate("The word studieavbrott.", "LANG_SV", 9, 13))
    assert '<span lang="sv">studieavbrott</span>' in html
    assert styles(html) == [("LANG_SV", 9, 13)]


def test_other_languages_and_other_attributes_are_not_kept():
    # Pasted markup in another language, or with more than the language, is plain text.
    assert styles('<p><span lang="de">Schule</span></p>') == []
    assert styles('<p><span lang="en" onclick="x()">school</span></p>')[0][0] == "LANG_EN"
    converter = ContentstateConverter(FEATURES)
    html = converter.to_database_format(
        converter.from_database_format('<p><span lang="en" onclick="x()">school</span></p>')
    )
    assert "onclick" not in html and '<span lang="en">school</span>' in html


def test_the_body_of_every_content_page_offers_both():
    assert {"lang-en", "lang-sv"} <= set(RICH_TEXT_FEATURES)


def test_the_page_and_the_api_keep_the_language(client):
    page = ResearchArticlePageFactory(
        parent=ResearchIndexPageFactory(parent=site_root()),
        title="Zyxspråkmärkt",
        body=[
            (
                "paragraph",
                '<p>Boken <span lang="en">Dropping out</span> sammanfattar forskningen.</p>',
            )
        ],
    )
    html = client.get(page.url).content.decode()
    assert '<span lang="en">Dropping out</span>' in html
    api = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert '<span lang="en">Dropping out</span>' in api["body"][0]["value"]
    assert '<span lang="en">' in expand_db_html('<p>Boken <span lang="en">Dropping out</span>.</p>')


def test_the_editor_offers_the_buttons(client):
    user = get_user_model().objects.create_superuser("redaktor", "r@example.com", "lösen-ord-1")
    client.force_login(user)
    page = ResearchArticlePage.objects.live().first()
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "LANG_EN" in html and "LANG_SV" in html


def test_a_quote_in_another_language_says_so(client):
    page = ResearchArticlePageFactory(
        parent=ResearchIndexPageFactory(parent=site_root()),
        title="Zyxcitat",
        body=[
            ("quote", {"text": "Students who feel they belong stay.", "language": "en"}),
            ("quote", {"text": "Eleverna stannar när de känner sig sedda.", "language": ""}),
        ],
    )
    html = client.get(page.url).content.decode()
    assert '<blockquote class="quote__text" lang="en"><p>Students who feel' in html
    assert '<blockquote class="quote__text"><p>Eleverna stannar' in html
