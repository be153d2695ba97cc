"""Checks for Office files: OOXML (docx, xlsx, pptx) and ODF (odt), both zip archives.

Python's zipfile is forgiving: it opens an archive with a program or a web page in front of
it, and it trusts the sizes the archive declares. So we look at the bytes around the archive
ourselves, refuse what would inflate beyond reason from the declared sizes before unpacking
anything, and then read only the small XML parts we need, through a reader that stops at the
declared size.
"""

import re
import zipfile
from pyexpat import ExpatError, ParserCreate

from pluginnovation.editorial.upload_checks import UploadRefused
from pluginnovation.editorial.upload_checks.sniffing import (
    SNIFF_WINDOW,
    has_html,
    is_web_page_name,
    is_web_page_type,
)

OOXML_MAIN_PART = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_MIMETYPES = {"odt": b"application/vnd.oasis.opendocument.text"}

LOCAL_FILE_SIGNATURE = b"PK\x03\x04"
END_OF_DIRECTORY_SIGNATURE = b"PK\x05\x06"
END_OF_DIRECTORY_SIZE = 22

# Limits on what an archive may declare. Real documents stay far below: a long report with
# photos unpacks to a few tens of MB in a few hundred parts; XML packs at most ~20 times.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_PARTS = 5000
MAX_RATIO = 100
RATIO_CHECKED_FROM = 5 * 1024 * 1024  # smaller parts may pack very well (repeated XML) harmlessly

CHUNK = 64 * 1024

XLINK_HREF = "http://www.w3.org/1999/xlink href"
ODF_HYPERLINKS = {
    "urn:oasis:names:tc:opendocument:xmlns:text:1.0 a",
    "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0 a",
}
ODF_EVENT_LISTENER = "urn:oasis:names:tc:opendocument:xmlns:script:1.0 event-listener"
MACRO_URL = re.compile(r"^\s*(vnd\.sun\.star\.script|macro|javascript|vbscript):", re.IGNORECASE)
# A URL with a scheme, or a path that leaves the package ("/x", "\\server", "../x").
OUTSIDE_URL = re.compile(r"^\s*([a-z][a-z0-9+.-]*:|[/\\]|\.\./)", re.IGNORECASE)


def check_office(file, extension):
    """Refuse anything that is not a plain, self-contained Office file of this type."""
    check_first_bytes(file)
    try:
        with zipfile.ZipFile(file) as archive:
            check_layout(file, archive)
            parts = archive.infolist()
            check_declared_sizes(parts)
            check_part_names(parts)
            if extension in OOXML_MAIN_PART:
                check_ooxml(archive, OOXML_MAIN_PART[extension])
            else:
                check_odf(archive, ODF_MIMETYPES[extension])
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as error:
        # Not a zip, or one zipfile cannot read (damaged, encrypted, odd compression).
        raise UploadRefused("content_mismatch") from error


def check_first_bytes(file):
    file.seek(0)
    head = file.read(SNIFF_WINDOW)
    if has_html(head):
        raise UploadRefused("html")
    if not zipfile.is_zipfile(file):
        raise UploadRefused("content_mismatch")
    if not head.startswith(LOCAL_FILE_SIGNATURE):
        # zipfile found an archive, but not at byte 0: something was put in front of it.
        raise UploadRefused("extra_data")


def check_layout(file, archive):
    """The archive must fill the file: nothing before its first part, nothing after its end,
    and no web-page code in its directory, its comments or anything appended to it."""
    parts = archive.infolist()
    if parts and min(part.header_offset for part in parts) != 0:
        raise UploadRefused("extra_data")
    file.seek(archive.start_dir)
    directory = file.read()  # the central directory, the end record, and whatever follows
    if has_html(directory):
        raise UploadRefused("html")
    # The end record is the last thing in a zip, followed only by its comment.
    end_record = len(directory) - len(archive.comment) - END_OF_DIRECTORY_SIZE
    if end_record < 0 or directory[end_record : end_record + 4] != END_OF_DIRECTORY_SIGNATURE:
        raise UploadRefused("extra_data")


def check_declared_sizes(parts):
    """Zip-bomb limits, from the sizes the archive declares; read_part holds it to them."""
    if len(parts) > MAX_PARTS:
        raise UploadRefused("archive_too_many_parts", count=len(parts), limit=MAX_PARTS)
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED:
        raise UploadRefused("archive_too_large", unpacked=unpacked, limit=MAX_UNPACKED)
    for part in parts:
        ratio = part.file_size // max(part.compress_size, 1)
        if part.file_size >= RATIO_CHECKED_FROM and ratio > MAX_RATIO:
            raise UploadRefused("archive_too_packed", ratio=ratio)


def check_part_names(parts):
    names = [part.filename.lower() for part in parts]
    # Two parts with one name: Office may read one and we the other.
    if len(set(names)) != len(names) or any(part.flag_bits & 0x1 for part in parts):
        raise UploadRefused("content_mismatch")  # duplicated or encrypted parts
    if any(is_web_page_name(name) for name in names):
        raise UploadRefused("html")


def read_part(archive, part):
    """The part's bytes in chunks, refused as damaged if it unpacks beyond its declared size."""
    left = part.file_size
    with archive.open(part) as member:
        while chunk := member.read(min(CHUNK, left + 1)):
            left -= len(chunk)
            if left < 0:
                raise UploadRefused("content_mismatch")
            yield chunk


def scan_xml(chunks, on_element):
    """Parse an XML part as it streams in, calling on_element(name, attributes) per element.

    Names carry their namespace ("namespace-uri local-name"), so prefixes cannot disguise
    them, and entities are resolved as Office would. Entity declarations are refused: Office
    never writes them, and they are how "billion laughs" XML bombs work.
    """
    parser = ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = on_element
    parser.EntityDeclHandler = refuse_entity_declaration
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except ExpatError as error:
        raise UploadRefused("content_mismatch") from error


def refuse_entity_declaration(*args):
    raise UploadRefused("content_mismatch")


def local_name(name):
    return name.rsplit(" ", 1)[-1]


def parts_named(archive, predicate):
    return [part for part in archive.infolist() if predicate(part.filename.lower())]


def check_ooxml(archive, main_part):
    names = {part.filename for part in archive.infolist()}
    if "[Content_Types].xml" not in names or main_part not in names:
        raise UploadRefused("content_mismatch")
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise UploadRefused("macros")
    check_content_types(archive, archive.getinfo("[Content_Types].xml"))
    for part in parts_named(archive, lambda name: name.endswith(".rels")):
        check_relationships(archive, part)


def check_content_types(archive, part):
    def on_element(name, attributes):
        content_type = attributes.get("ContentType", "")
        if is_web_page_type(content_type):
            raise UploadRefused("html")
        # A .docm renamed to .docx still declares itself macro-enabled.
        if "macroenabled" in content_type.lower() or "vbaproject" in content_type.lower():
            raise UploadRefused("macros")

    scan_xml(read_part(archive, part), on_element)


def check_relationships(archive, part):
    """External relationships make Office fetch content when the file opens (a remote
    template, object or frame: a known way to run code or to track readers). Hyperlinks are
    external too, but are only followed when clicked."""

    def on_element(name, attributes):
        if local_name(name) != "Relationship":
            return
        external = attributes.get("TargetMode", "").strip().lower() == "external"
        kind = attributes.get("Type", "").rstrip("/").rsplit("/", 1)[-1]
        if external and kind != "hyperlink":
            raise UploadRefused("external_content", what=kind)

    scan_xml(read_part(archive, part), on_element)


def check_odf(archive, mimetype):
    try:
        info = archive.getinfo("mimetype")
    except KeyError as error:
        raise UploadRefused("content_mismatch") from error
    # The mimetype part is a few dozen bytes; anything bigger is not a real ODF file.
    if info.file_size > 200 or b"".join(read_part(archive, info)).strip() != mimetype:
        raise UploadRefused("content_mismatch")
    if parts_named(archive, lambda name: name.startswith(("basic/", "scripts/"))):
        raise UploadRefused("macros")
    for part in parts_named(archive, lambda name: name.endswith(("content.xml", "styles.xml"))):
        scan_xml(read_part(archive, part), check_odf_element)


def check_odf_element(name, attributes):
    """ODF links its resources with xlink:href; outside the package means fetched on open."""
    if name == ODF_EVENT_LISTENER:
        raise UploadRefused("macros")
    href = attributes.get(XLINK_HREF)
    if href is None:
        return
    if MACRO_URL.match(href):
        raise UploadRefused("macros")
    if name not in ODF_HYPERLINKS and OUTSIDE_URL.match(href):
        raise UploadRefused("external_content", what=local_name(name))
