"""A tiny writer for one-page text PDFs, so demo material needs no PDF library."""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
LEADING = 15
TITLE_LEADING = 20
WRAP_AT = 82  # characters per line of 10.5 pt Helvetica between the margins
TITLE_WRAP_AT = 48  # the same for the 16 pt bold title
MAX_LINES = (PAGE_HEIGHT - 2 * MARGIN) // LEADING
HEADING_PREFIX = "## "  # a paragraph starting with this is set in bold, as a subheading


def pdf_string(text):
    """A PDF literal string in WinAnsiEncoding, which covers å, ä, ö and the en dash."""
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_text_string(text):
    """A Unicode string for the document information, e.g. the title."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def content_stream(title, paragraphs):
    """The page's drawing operators: the title, then the paragraphs and subheadings."""
    title_lines = textwrap.wrap(title, TITLE_WRAP_AT)
    ops = [b"BT", b"%d %d Td" % (MARGIN, PAGE_HEIGHT - MARGIN - 16)]
    ops += [b"/F2 16 Tf", b"%d TL" % TITLE_LEADING]
    ops += [pdf_string(line) + b" Tj T*" for line in title_lines]
    ops += [b"%d TL" % LEADING, b"T*"]
    line_count = len(title_lines) * TITLE_LEADING // LEADING + 1
    for paragraph in paragraphs:
        is_heading = paragraph.startswith(HEADING_PREFIX)
        if is_heading:
            font, lines = b"/F2 11 Tf", [paragraph.removeprefix(HEADING_PREFIX)]
        else:
            # A blank line after each paragraph, none between a subheading and its text.
            font, lines = b"/F1 10.5 Tf", [*textwrap.wrap(paragraph, WRAP_AT), ""]
        ops.append(font)
        ops += [pdf_string(line) + b" Tj T*" for line in lines]
        line_count += len(lines)
    if line_count > MAX_LINES:
        raise ValueError(f"{title!r} needs {line_count} lines; one page holds {MAX_LINES}.")
    ops.append(b"ET")
    return b"\n".join(ops)


def build_pdf(title, paragraphs):
    """Return the bytes of a valid one-page PDF 1.4 with correct cross-reference offsets."""
    stream = content_stream(title, paragraphs)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (sv-SE) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        % (PAGE_WIDTH, PAGE_HEIGHT),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title " + pdf_text_string(title) + b" /Producer (PlugInnovation) >>",
    ]
    # The second line's high bytes tell tools the file holds binary data.
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, len(objects))
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)
