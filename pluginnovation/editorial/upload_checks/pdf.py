"""Checks for PDF files: a real PDF from byte 0, and no active content.

Active content is found by its PDF names (/JavaScript, /Launch, ...). Names may be written
with #xx escapes (/J#61vaScript is /JavaScript), so escaped names are decoded before they are
compared. Dictionaries may also hide inside compressed object streams (/Type /ObjStm); those
are inflated, within a budget, and scanned the same way. Other compressed streams hold page
content, images and fonts, where these names do nothing, so they are left packed.
"""

import re
import zlib

from pluginnovation.editorial.upload_checks import UploadRefused
from pluginnovation.editorial.upload_checks.sniffing import SNIFF_WINDOW, has_html

# ISO 32000: "The first line of a PDF file shall be a header" - nothing may come before it.
PDF_SIGNATURE = b"%PDF-"

# Names that run code, start actions by themselves, submit data or carry other files.
ACTIVE_NAMES = {
    b"OpenAction",  # an action run when the file opens (showing a page is allowed, below)
    b"AA",  # "additional actions", run on page, field or document events
    b"JavaScript",
    b"JS",
    b"Launch",  # starts a program or opens a file
    b"SubmitForm",
    b"ImportData",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",  # Flash and video players
    b"XFA",  # XML forms, which carry their own scripts
}

DELIMITERS = rb"\x00\t\n\x0c\r /<>\[\]()%{}"
HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# "12 0 R", a reference to object 12.
REFERENCE = re.compile(rb"(\d+)\s+\d+\s+R")
FIRST = re.compile(rb"/First\s+(\d+)")
VALUE_WINDOW = 512  # enough to see a whole page-view action
# The start of a stream's data, not the end of one ("endstream").
STREAM_START = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")

MAX_UNPACKED = 100 * 1024 * 1024  # for all object streams together; they hold only objects
INFLATE_PIECE = 64 * 1024


def name_pattern(names):
    """A regex for these names, written plainly or with any #xx escapes.

    Only escaped names need decoding, so a file's thousands of ordinary names cost little.
    """
    plain = b"|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(
        rb"/(?:(" + plain + rb")(?![^" + DELIMITERS + rb"])"
        rb"|([^" + DELIMITERS + rb"]*#[^" + DELIMITERS + rb"]*))"
    )


ACTIVE_NAME = name_pattern(ACTIVE_NAMES)
OBJECT_STREAM_NAME = name_pattern({b"ObjStm"})
ANY_NAME = re.compile(rb"/([^" + DELIMITERS + rb"]*)")


def check_pdf(file):
    file.seek(0)
    data = file.read()
    if has_html(data[:SNIFF_WINDOW]):
        raise UploadRefused("html")
    if not data.startswith(PDF_SIGNATURE):
        # A PDF further in means something was put in front of it; otherwise it is no PDF.
        raise UploadRefused("pdf_header" if PDF_SIGNATURE in data else "content_mismatch")
    streams = list(object_streams(data))
    found = set()
    for text in [data, *(unpacked for unpacked, _first in streams)]:
        for name, end in names_in(text, ACTIVE_NAME, ACTIVE_NAMES):
            value = text[end : end + VALUE_WINDOW]
            if not (name == b"OpenAction" and shows_a_page(value, data, streams)):
                found.add(name)
    if found:
        names = sorted("/" + name.decode("latin-1") for name in found)
        raise UploadRefused("pdf_active_content", names=names)


def decode(name):
    return HEX_ESCAPE.sub(lambda escape: bytes([int(escape[1], 16)]), name)


def names_in(text, pattern, wanted):
    """(name, where it ends) for each wanted name in the text, escaped or not."""
    for match in pattern.finditer(text):
        name = match[1] or decode(match[2])
        if name in wanted:
            yield name, match.end()


def shows_a_page(value, data, streams):
    """Whether an /OpenAction only shows a page of the document when it opens.

    LaTeX (hyperref) and others write one for the first view: a destination [3 0 R /Fit] or
    a GoTo action << /S /GoTo /D [3 0 R /Fit] >>, often through a reference (98 0 R). Any
    other action could fetch, run or submit something, so it is refused. Every definition
    of a referenced object must pass: an updated file may define an object twice.
    """
    value = value.lstrip()
    reference = REFERENCE.match(value)
    if reference is None:
        return is_page_view(value)
    found = definitions(int(reference[1]), data, streams)
    return bool(found) and all(is_page_view(definition) for definition in found)


def is_page_view(value):
    if value.startswith(b"["):
        return True  # an explicit destination
    end = value.find(b">>")
    if not value.startswith(b"<<") or end == -1 or b"<<" in value[2:end]:
        return False  # not a dictionary we can see whole
    names = [decode(match[1]) for match in ANY_NAME.finditer(value[2:end])]
    # /S /GoTo stays in this document; /Next would chain another action.
    action = names[names.index(b"S") + 1 :][:1] if b"S" in names else []
    return action == [b"GoTo"] and b"Next" not in names


def definitions(number, data, streams):
    """The start of each definition of object `number`, in the file and in object streams."""
    found = [
        data[match.end() : match.end() + VALUE_WINDOW].lstrip()
        for match in re.finditer(rb"(?<!\d)%d\s+\d+\s+obj\b" % number, data)
    ]
    for unpacked, first in streams:
        # An object stream starts with pairs of object number and offset from /First.
        header = unpacked[:first].split()
        for object_number, offset in zip(header[0::2], header[1::2], strict=True):
            if int(object_number) == number:
                position = first + int(offset)
                found.append(unpacked[position : position + VALUE_WINDOW].lstrip())
    return found


def is_object_stream_header(header):
    """Pairs of object number and offset: what an object stream starts with."""
    numbers = header.split()
    return len(numbers) >= 2 and len(numbers) % 2 == 0 and all(n.isdigit() for n in numbers)


def object_streams(data):
    """(inflated content, /First) of each object stream; what cannot be checked is refused."""
    budget = MAX_UNPACKED
    dictionary_start = 0
    for match in STREAM_START.finditer(data):
        # Everything since the previous stream's data began holds this stream's dictionary,
        # whatever strings inside it pretend.
        dictionary = data[dictionary_start : match.start()]
        dictionary_start = match.end()
        if not any(names_in(dictionary, OBJECT_STREAM_NAME, {b"ObjStm"})):
            continue
        first = FIRST.findall(dictionary)
        first = int(first[-1]) if first else 0
        if is_object_stream_header(data[match.end() : match.end() + first]):
            continue  # stored unpacked: the scan of the whole file reads it
        unpacked = inflate(data, match.end(), budget)
        budget -= len(unpacked)
        # Another filter or a predictor on top of Flate would leave the objects unreadable
        # to us (hex digits, split rows), and we cannot vouch for what we cannot read.
        if not is_object_stream_header(unpacked[:first]):
            raise UploadRefused("pdf_unreadable")
        yield unpacked, first


def inflate(data, start, budget):
    """Inflate the zlib stream at `start`, a piece at a time, never beyond `budget` bytes.

    It stops where the compressed data ends, so the stream's /Length (often stored elsewhere
    in the file) is not needed, and a fake "endstream" inside the data cannot cut it short.
    """
    inflater = zlib.decompressobj()
    view = memoryview(data)
    pieces = []
    try:
        for position in range(start, len(data), INFLATE_PIECE):
            if inflater.eof:
                break
            pieces.append(inflater.decompress(view[position : position + INFLATE_PIECE], budget))
            budget -= len(pieces[-1])
            if inflater.unconsumed_tail or budget <= 0:
                raise UploadRefused("pdf_too_packed", limit=MAX_UNPACKED)
    except zlib.error as error:
        # Encrypted or damaged: the data is not what the dictionary says it is.
        raise UploadRefused("pdf_unreadable") from error
    return b"".join(pieces)
