"""Plain text from the stored rich text and StreamField data, for the downloads.

Read from the stored values (rich text HTML, StreamField raw data), never by rendering blocks:
no query per page, and nothing a block would fetch (an embed, a document's title). Paragraphs
are kept apart by a blank line and list items start with "• " (a cell that starts with "-"
is a formula to a spreadsheet program). Documents in the body are left out: whether one is
public is a question of its collection, and their download links are not prose.
"""

import re
from html.parser import HTMLParser

BLOCK_TAGS = {
    "p",
    "div",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "table",
    "tr",
}
SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
BLANK_LINES = re.compile(r"\n{3,}")


class TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(data.replace("\n", " "))


def tidy(text):
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    # An item's own paragraph (<li><p>…</p></li>) stays on the bullet's line.
    text = re.sub(r"^•\n+", "• ", text, flags=re.MULTILINE)
    return BLANK_LINES.sub("\n\n", text).strip()


def html_text(html):
    """Rich text (HTML as stored) as plain text."""
    if not html:
        return ""
    parser = TextParser()
    parser.feed(str(html))
    parser.close()
    return tidy("".join(parser.parts))


def join(*parts, separator="\n\n"):
    return separator.join(part for part in parts if part)


def body_block_text(block):
    """One block of the shared body (pluginnovation.content.blocks.BodyBlock)."""
    kind, value = block.get("type"), block.get("value")
    if kind == "paragraph":
        return html_text(value)
    if kind == "heading":
        return (value or {}).get("text", "").strip()
    if kind == "quote":
        value = value or {}
        attribution = value.get("attribution", "").strip()
        return join(value.get("text", "").strip(), f"– {attribution}" if attribution else "")
    if kind == "image":
        return (value or {}).get("caption", "").strip()
    if kind == "video":
        value = value or {}
        return join(value.get("title", "").strip(), value.get("caption", "").strip())
    if kind == "fact_box":
        value = value or {}
        source = value.get("source", "").strip()
        return join(
            value.get("title", "").strip(),
            html_text(value.get("text")),
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
