"""Images in body text carry a text alternative: the image's description by default, the
editor's own words for this use, or none at all when the editor marks the image decorative."""

import pytest
from wagtail_factories import ImageFactory

from tests.factories import StandardPageFactory, site_root

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return ImageFactory(
        title="Klassrum", description="Elever och en mentor samtalar i ett klassrum"
    )


def page_with_images(blocks):
    """A published information page of the site with these body blocks."""
    raw = [{"type": kind, "value": value} for kind, value in blocks]
    page = StandardPageFactory(parent=site_root(), title="Bildsida", body=raw)
    page.save_revision().publish()
    return page


def img_tags(html):
    return [part.split(">", 1)[0] for part in html.split("<img")[1:]]


def test_an_image_without_its_own_text_uses_the_images_description(client, image):
    value = {"image": {"image": image.pk, "decorative": False, "alt_text": ""}, "caption": ""}
    page = page_with_images([("image", value)])
    [tag] = img_tags(client.get(page.url).content.decode())
    assert 'alt="Elever och en mentor samtalar i ett klassrum"' in tag


def test_the_editors_text_for_this_use_wins(client, image):
    value = {
        "image": {"image": image.pk, "decorative": False, "alt_text": "Mentorn Sara med en elev"},
        "caption": "Foto: GR",
    }
    html = client.get(page_with_images([("image", value)]).url).content.decode()
    [tag] = img_tags(html)
    assert 'alt="Mentorn Sara med en elev"' in tag
    assert "<figcaption>Foto: GR</figcaption>" in html


def test_a_decorative_image_has_an_empty_alternative(client, image):
    value = {"image": {"image": image.pk, "decorative": True, "alt_text": ""}, "caption": ""}
    [tag] = img_tags(client.get(page_with_images([("image", value)]).url).content.decode())
    assert 'alt=""' in tag


def test_the_block_refuses_an_image_with_neither_text_nor_decorative_mark(image):
    from django.core.exceptions import ValidationError

    from pluginnovation.content.blocks import BodyBlock

    image.description = ""
    image.save()
    block = BodyBlock().child_blocks["image"]
    value = block.to_python(
        {"image": {"image": image.pk, "decorative": False, "alt_text": ""}, "caption": ""}
    )
    with pytest.raises(ValidationError):
        block.clean(value)


def test_image_blocks_stored_before_the_change_keep_the_editors_text():
    from pluginnovation.content.stream_upgrades import image_to_figure

    old = {"type": "image", "value": {"image": 7, "alt_text": "Två elever", "caption": "Foto"}}
    new = image_to_figure(old)
    assert new["value"] == {
        "image": {"image": 7, "alt_text": "Två elever", "decorative": False},
        "caption": "Foto",
    }
    assert image_to_figure(new) == new  # running the migration twice changes nothing
    paragraph = {"type": "paragraph", "value": "<p>Text</p>"}
    assert image_to_figure(paragraph) == paragraph
