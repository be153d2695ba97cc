"""Checks for uploaded images, run before anything else decodes the pixels.

Pillow stops an image above twice its MAX_IMAGE_PIXELS with DecompressionBombError, which
Wagtail's form does not catch: a 500 on upload. A truncated image passes Wagtail's checks,
which read only the header, and fails when the first thumbnail is made: another 500, after
the broken file is stored. So we read the size from the header ourselves, hold it to
WAGTAILIMAGES_MAX_IMAGE_PIXELS, and then decode the image once to prove that it is whole.
"""

import struct
import zlib

from django.conf import settings

from PIL import Image

from pluginnovation.editorial.upload_checks import UploadRefused

# Willow's format names (Wagtail identifies the format first) to Pillow's.
PILLOW_FORMATS = {
    "png": "PNG",
    "jpeg": "JPEG",
    "gif": "GIF",
    "webp": "WEBP",
    "avif": "AVIF",
    "bmp": "BMP",
    "tiff": "TIFF",
    "ico": "ICO",
    "heic": "HEIF",
}

# What Pillow raises on damaged or truncated data, depending on the format and the damage.
DAMAGED = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    TypeError,
    struct.error,
    zlib.error,
    Image.DecompressionBombError,  # a GIF frame larger than the image it belongs to
)


def max_image_pixels():
    # Wagtail's own default, in case the setting is removed.
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)


def check_image(file, format_name):
    """Refuse an image that is too large to decode safely, or that does not decode."""
    pillow_format = PILLOW_FORMATS.get(format_name)
    if pillow_format is None:
        return  # SVG and the like have no pixels to count; Wagtail checks the rest
    width, height = header_size(file, pillow_format)
    limit = max_image_pixels()
    if limit is not None and width * height > limit:
        raise UploadRefused("image_too_many_pixels", width=width, height=height, limit=limit)
    check_decodes(file, pillow_format)


def open_reader(file, pillow_format):
    """Pillow's reader for the format, which reads the header and nothing more.

    Image.open would pick the same reader but first apply Pillow's own pixel limit, raising
    an error that names neither the size nor the limit we use.
    """
    Image.init()
    if pillow_format not in Image.OPEN:
        raise UploadRefused("not_an_image")  # this Pillow cannot read the format at all
    factory, _accepts = Image.OPEN[pillow_format]
    file.seek(0)
    try:
        return factory(file)
    except DAMAGED as error:
        raise UploadRefused("image_damaged") from error


def header_size(file, pillow_format):
    # Not image.close(): that closes the file too, which Wagtail reads again after us.
    with open_reader(file, pillow_format) as image:
        size = image.size
    file.seek(0)
    return size


def check_decodes(file, pillow_format):
    with open_reader(file, pillow_format) as image:
        try:
            if pillow_format == "JPEG":
                # Decode at an eighth of the size: every byte is still read, in 1/64 the memory.
                image.draft("RGB", (image.width // 8, image.height // 8))
            image.load()
        except DAMAGED as error:
            raise UploadRefused("image_damaged") from error
    file.seek(0)
