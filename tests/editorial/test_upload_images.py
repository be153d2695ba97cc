"""Image uploads through the admin: huge, fake and broken images get a Swedish message, no 500."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.formats import number_format

from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

import pytest
from PIL import Image as PILImage

from pluginnovation.editorial.upload_checks import UploadRefused
from pluginnovation.editorial.upload_checks.images import check_image
from tests.editorial.test_uploads import EXECUTABLE, stored_files

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(width, height):
    """A valid black-and-white PNG, written by hand: a few kB on disk, billions of bytes decoded."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit grey
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + packed pixels
    packer = zlib.compressobj(9)
    pixels = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", pixels)
        + png_chunk(b"IEND", b"")
    )


def photo_bytes(image_format, size=(64, 48)):
    """A small noisy picture, so the compressed data is long enough to cut in half."""
    buffer = io.BytesIO()
    PILImage.effect_noise(size, 60).convert("RGB").save(buffer, image_format)
    return buffer.getvalue()


def upload_image(client, name, content):
    data = {
        "title": name,
        "description": "Testbild",
        "collection": str(Collection.get_first_root_node().pk),
        "file": SimpleUploadedFile(name, content),
    }
    return client.post(reverse("wagtailimages:add"), data)


def upload_images(client, name, content):
    data = {
        "files[]": SimpleUploadedFile(name, content),
        "collection": str(Collection.get_first_root_node().pk),
    }
    return client.post(reverse("wagtailimages:add_multiple"), data)


HUGE = huge_png(20000, 20000)
PNG = photo_bytes("PNG")
JPEG = photo_bytes("JPEG")

REFUSED = [
    ("enorm.png", HUGE, "Bilden är för stor: 20\xa0000 × 20\xa0000 bildpunkter."),
    ("program.png", EXECUTABLE, "Filen ”program.png” är inte en bild som går att läsa."),
    ("text.jpg", b"Hej, det h\xc3\xa4r \xc3\xa4r text.", "är inte en bild som går att läsa"),
    ("avbruten.png", PNG[: len(PNG) // 2], "Bilden är skadad eller ofullständig"),
    ("avbruten.jpg", JPEG[: len(JPEG) // 2], "Bilden är skadad eller ofullständig"),
    ("bild.png", JPEG, "Filen ”bild.png” är en JPEG-bild men heter .png"),
    # Read as SVG, a format the site does not take: renaming it to .svg would not help.
    ("skript.png", b"<script>alert(1)</script>", "Filen ”skript.png” är inte en bild som går"),
    ("ritning.png", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "inte en bild som går att"),
]


@pytest.mark.parametrize("name,content,message", REFUSED)
def test_bad_images_get_a_clear_message_on_both_upload_paths(
    client, editor, media_root, name, content, message
):
    client.force_login(editor)
    response = upload_image(client, name, content)
    assert response.status_code == 200
    assert message in response.text
    response = upload_images(client, name, content)
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert message in response.json()["error_message"]
    assert not get_image_model().objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(media_root) == []


def test_the_size_message_says_what_is_allowed(client, editor, settings):
    client.force_login(editor)
    response = upload_images(client, "enorm.png", HUGE)
    message = response.json()["error_message"]
    limit = number_format(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS, force_grouping=True)
    assert f"Största tillåtna är {limit} bildpunkter" in message
    assert "Minska bilden" in message


@pytest.mark.parametrize("name,content", [("foto.jpg", JPEG), ("bild.png", PNG)])
def test_good_images_are_still_accepted(client, editor, name, content):
    client.force_login(editor)
    assert upload_image(client, name, content).status_code == 302
    image = get_image_model().objects.get(title=name)
    assert (image.width, image.height) == (64, 48)
    # The multiple uploader keeps a good file and asks for the description.
    response = upload_images(client, name, content)
    assert response.json()["success"] is True


def test_the_check_reads_only_the_header_of_a_huge_image():
    with pytest.raises(UploadRefused) as refused:
        check_image(io.BytesIO(HUGE), "png")
    assert refused.value.code == "image_too_many_pixels"
    assert refused.value.params["width"] == 20000


def test_the_upload_pages_tell_the_limits(client, editor):
    client.force_login(editor)
    for view in ("wagtailimages:add", "wagtailimages:add_multiple"):
        response = client.get(reverse(view))
        assert response.status_code == 200
        assert "bildpunkter" in response.text


def test_an_uploaded_images_address_cannot_be_guessed(client, editor, media_root):
    """Originals and renditions are served as files (no privacy for images in Wagtail): an
    image of a private collection must not be found by its upload's name."""
    import re

    client.force_login(editor)
    for _ in range(2):
        assert upload_image(client, "protokoll.png", PNG).status_code == 302
    images = list(get_image_model().objects.filter(title="protokoll.png"))
    names = [image.file.name for image in images]
    assert all(re.fullmatch(r"original_images/[0-9a-f]{16}-protokoll\.png", n) for n in names)
    assert names[0] != names[1]
    rendition = images[0].get_rendition("max-20x20")
    assert names[0].split("/")[1].split("-")[0] in rendition.url
