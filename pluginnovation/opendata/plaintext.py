"""Plain text from the stored rich text and StreamField data, for the downloads.

Read from the stored values (rich text HTML, StreamField raw data), never by rendering blocks:
no query per page, and nothing a block would fetch (an embed, a document's title). Paragraphs
are kept apart by a blank line and list items start with "• " (a cell that starts with "-"
is a formula to a spreadsheet program). Documents and images in the body are left out: whether
one is public is a question of its collection (a private image's caption is not on the page),
and their link texts and captions are not prose.
"""

import html
import re

# Wagtail stores rich text as simple, well-formed HTML (its own DB format), so regular
# expressions read it as well as a parser would, at a tenth of the time: the export reads
# every page's text.
BLOCK_TAG = re.compile(r"</?(?:p|div|ul|ol|h[1-6]|blockquote|table|tr)\b[^>]*>", re.IGNORECASE)
ITEM_TAG = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
BREAK_TAG = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
ANY_TAG = re.compile(r"<[^>]*>")
SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
SPACE_AT_LINE_ENDS = re.compile(r" ?\n ?")
# An item's own paragraph (<li><p>…</p></li>) stays on the bullet's line.
EMPTY_BULLET = re.compile(r"^•\n+", re.MULTILINE)
BLANK_LINES = re.compile(r"\n{3,}")


def tidy(text):
    """One space between words, no spaces at line ends, at most one blank line in a row."""
    text = SPACE_AT_LINE_ENDS.sub("\n", SPACES.sub(" ", text))
    if "•" in text:
        text = EMPTY_BULLET.sub("• ", text)
    if "\n\n\n" in text:
        text = BLANK_LINES.sub("\n\n", text)
    return text.strip()


def strip_html(value):
    """Rich text as text, its spacing not yet tidied (tidy() does it once for a whole body)."""
    if not value:
        return ""
    text = str(value).replace("\n", " ")
    if "<" not in text and "&" not in text:
        return text
    text = BLOCK_TAG.sub("\n\n", text)
    text = ITEM_TAG.sub("\n• ", text)
    text = BREAK_TAG.sub("\n", text)
    return html.unescape(ANY_TAG.sub("", text))


def html_text(value):
    """Rich text (HTML as stored) as plain text."""
    return tidy(strip_html(value))


def join(*parts, separator="\n\n"):
    return separator.join(part for part in parts if part)


def body_block_text(block):
    """One block of the shared body (pluginnovation.content.blocks.BodyBlock)."""
    kind, value = block.get("type"), block.get("value")
    if kind == "paragraph":
        return strip_html(value)
    if kind == "heading":
        return (value or {}).get("text", "").strip()
    if kind == "quote":
        value = value or {}
        attribution = value.get("attribution", "").strip()
        return join(value.get("text", "").strip(), f"– {attribution}" if attribution else "")
    if kind == "video":
        value = value or {}
        return join(value.get("title", "").strip(), value.get("caption", "").strip())
    if kind == "fact_box":
        value = value or {}
        source = value.get("source", "").strip()
        return join(
            value.get("title", "").strip(),
            strip_html(value.get("text")),
            f"Källa: {source}" if source else "",
        )
    return ""  # documents, and any block type added later until it is described here


def raw_blocks(stream):
    """A StreamValue's stored blocks (lists of {"type", "value"} dicts)."""
    if stream is None:
        return []
    raw = getattr(stream, "raw_data", stream)
    return [block for block in raw if isinstance(block, dict)]


def body_text(stream):
    return tidy("\n\n".join(body_block_text(block) for block in raw_blocks(stream)))


def steps_text(stream):
    """A method's steps: "1. Title" and the step's text below it."""
    parts = []
    for number, block in enumerate(raw_blocks(stream), start=1):
        value = block.get("value") or {}
        parts.append(
            join(f"{number}. {value.get('title', '').strip()}", html_text(value.get("text")))
        )
    return "\n\n".join(parts)
