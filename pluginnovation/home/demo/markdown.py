"""The small Markdown dialect the demo data files are written in (see data/README.md).

It turns a page's text into StreamField blocks in Wagtail's raw form ({"type", "value"}) and
rich-text fields into the HTML Wagtail stores. Only what the demo needs is understood; anything
else is an error naming the line, so a typo never silently becomes the wrong block.

Blocks are separated by blank lines:

    ## Rubrik / ### Underrubrik     heading block (h2 / h3)
    text, "- punkt", "1. punkt"     text block; consecutive text and lists form one block
    ---                             ends a text block, so the next text starts a new one
    > citat ... / >  / > — vem      quote block; the last part after an empty ">" line,
                                    starting with an em dash, is the attribution
    :::faktaruta Rubrik             fact box; text and lists inside, and an optional last
    ...                             paragraph "Källa: ..." for the source
    :::
    :::dokument nyckel              document block for the document with that key
    :::dokument nyckel | Länktext   ... with its own link text

Inline: **fet**, *kursiv* and [länktext](adress). Text is stored as written, not escaped.
"""

import re

LIST_ITEM = re.compile(r"(?:(-)|(\d+)\.) (.*)")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
BOLD = re.compile(r"\*\*(.+?)\*\*")
ITALIC = re.compile(r"\*([^*\s][^*]*?)\*")
FENCE = ":::"
SOURCE_PREFIX = "Källa:"
ATTRIBUTION_PREFIX = "—"


class MarkdownError(ValueError):
    """Text the dialect does not understand. The message is Swedish and names the line."""

    def __init__(self, line_number, problem):
        super().__init__(f"rad {line_number}: {problem}")


def numbered(text, first_line=1):
    """The text's lines as (line number, line) pairs, so errors can name the file's line."""
    return list(enumerate(text.splitlines(), start=first_line))


# Sections: "# Name" splits a file's text into the page's fields.


def sections(lines):
    """(lines before the first section, {name in lower case: (its line number, its lines)})."""
    before = []
    found = {}
    current = before
    in_fence = False
    for number, line in lines:
        if line.startswith(FENCE + "faktaruta"):
            in_fence = True
        elif line.strip() == FENCE:
            in_fence = False
        if not in_fence and line.startswith("# "):
            name = line[2:].strip().lower()
            if name in found:
                raise MarkdownError(number, f"avsnittet ”{line[2:].strip()}” finns två gånger")
            found[name] = (number, [])
            current = found[name][1]
            continue
        current.append((number, line))
    return before, found


# Body blocks


def body_blocks(lines):
    """StreamField blocks for a page body."""
    blocks = []
    pending = []  # chunks of text that will become one text block

    def flush():
        if pending:
            blocks.append({"type": "paragraph", "value": text_html(pending)})
            pending.clear()

    for kind, number, payload in chunks(lines):
        if kind == "text":
            pending.append(payload)
            continue
        flush()
        if kind == "heading":
            level, text = payload
            blocks.append({"type": "heading", "value": {"text": text, "level": level}})
        elif kind == "quote":
            blocks.append({"type": "quote", "value": quote_value(number, payload)})
        elif kind == "fact_box":
            blocks.append({"type": "fact_box", "value": fact_box_value(number, *payload)})
        elif kind == "document":
            blocks.append({"type": "document", "value": document_value(number, payload)})
        # "break" only ends the pending text block
    flush()
    return blocks


def rich_text(lines):
    """HTML for a rich-text field: text and lists only."""
    parts = []
    for kind, number, payload in chunks(lines):
        if kind != "text":
            raise MarkdownError(number, "här går det bara att skriva text och punktlistor")
        parts.append(payload)
    return text_html(parts)


def document_blocks(lines):
    """Document blocks only, e.g. a method's material to download."""
    blocks = []
    for kind, number, payload in chunks(lines):
        if kind != "document":
            raise MarkdownError(number, "här går det bara att skriva :::dokument-rader")
        blocks.append({"type": "document", "value": document_value(number, payload)})
    return blocks


def step_blocks(lines):
    """Step blocks: each "## Title" starts a step, and the text under it describes it."""
    steps = []
    for number, line in lines:
        if line.startswith("## "):
            steps.append((number, line[3:].strip(), []))
        elif steps:
            steps[-1][2].append((number, line))
        elif line.strip():
            raise MarkdownError(number, "varje steg ska börja med en rubrik: ## Stegets namn")
    blocks = []
    for number, title, text in steps:
        html = rich_text(text)
        if not html:
            raise MarkdownError(number, f"steget ”{title}” saknar beskrivning")
        blocks.append({"type": "step", "value": {"title": title, "text": html}})
    return blocks


# Chunks: the blank-line separated pieces of text, each with its kind.


def chunks(lines):
    """Yield (kind, line number, payload) for each block-level piece of the text."""
    index = 0
    while index < len(lines):
        number, line = lines[index]
        if not line.strip():
            index += 1
        elif line.startswith(FENCE):
            index = yield from fenced(lines, index)
        elif line.startswith("#"):
            yield "heading", number, heading(number, line)
            index += 1
        elif line.strip() == "---":
            yield "break", number, None
            index += 1
        else:
            end = index
            while end < len(lines) and lines[end][1].strip() and not is_block_start(lines[end][1]):
                end += 1
            end = max(end, index + 1)
            piece = lines[index:end]
            if line.startswith(">"):
                yield "quote", number, piece
            else:
                yield "text", number, piece
            index = end


def is_block_start(line):
    return line.startswith((FENCE, "#")) or line.strip() == "---"


def fenced(lines, index):
    """Yield the directive at lines[index]; return the index after it."""
    number, line = lines[index]
    name, _, argument = line[len(FENCE) :].strip().partition(" ")
    argument = argument.strip()
    if name == "dokument":
        yield "document", number, argument
        return index + 1
    if name != "faktaruta":
        raise MarkdownError(
            number, f"okänt block ”{line.strip()}” (:::faktaruta eller :::dokument)"
        )
    for end in range(index + 1, len(lines)):
        if lines[end][1].strip() == FENCE:
            yield "fact_box", number, (argument, lines[index + 1 : end])
            return end + 1
    raise MarkdownError(number, "faktarutan saknar en avslutande rad med bara :::")


def heading(number, line):
    marks, _, text = line.partition(" ")
    levels = {"##": "h2", "###": "h3"}
    if marks not in levels or not text.strip():
        raise MarkdownError(
            number, "en rubrik skrivs ## Rubrik eller ### Underrubrik (# är för avsnitt)"
        )
    return levels[marks], text.strip()


# Values of the structured blocks


def quote_value(number, piece):
    parts = [[]]
    for line_number, line in piece:
        if not line.startswith(">"):
            raise MarkdownError(line_number, "varje rad i ett citat ska börja med >")
        text = line[1:].strip()
        if text:
            parts[-1].append(text)
        elif parts[-1]:
            parts.append([])
    parts = [" ".join(part) for part in parts if part]
    attribution = ""
    if len(parts) > 1 and parts[-1].startswith(ATTRIBUTION_PREFIX):
        attribution = parts.pop().removeprefix(ATTRIBUTION_PREFIX).strip()
    if len(parts) != 1:
        raise MarkdownError(
            number, "ett citat är ett stycke, och efter en tom >-rad: — vem som sa det"
        )
    return {"text": parts[0], "attribution": attribution}


def fact_box_value(number, title, inner):
    if not title:
        raise MarkdownError(number, "faktarutan saknar rubrik: :::faktaruta Rubrik")
    text = list(chunks(inner))
    source = ""
    if text and text[-1][0] == "text" and text[-1][2][0][1].startswith(SOURCE_PREFIX):
        piece = text.pop()[2]
        source = join_lines(piece).removeprefix(SOURCE_PREFIX).strip()
    if not text or any(kind != "text" for kind, _, _ in text):
        raise MarkdownError(number, "en faktaruta innehåller text eller en punktlista")
    return {"title": title, "text": text_html([piece for _, _, piece in text]), "source": source}


def document_value(number, argument):
    key, _, title = argument.partition("|")
    if not key.strip():
        raise MarkdownError(number, "ange dokumentets nyckel: :::dokument nyckel")
    return {"document": key.strip(), "title": title.strip()}


# Text: paragraphs and lists as HTML


def text_html(pieces):
    """HTML for text pieces: each piece is paragraphs and lists, written one after the other."""
    html = []
    for piece in pieces:
        for tag, items in elements(piece):
            if tag == "p":
                html.append(f"<p>{inline(items[0])}</p>")
            else:
                html.append(
                    f"<{tag}>" + "".join(f"<li>{inline(i)}</li>" for i in items) + f"</{tag}>"
                )
    return "".join(html)


def elements(piece):
    """[(tag, texts)]: a paragraph ("p", [text]) or a list ("ul"/"ol", [item, ...])."""
    found = []
    for _, line in piece:
        match = LIST_ITEM.fullmatch(line)
        if match:
            tag = "ul" if match.group(1) else "ol"
            if not found or found[-1][0] != tag:
                found.append((tag, []))
            found[-1][1].append(match.group(3).strip())
        elif found:
            # A wrapped line continues the paragraph or list item it follows.
            found[-1][1][-1] += " " + line.strip()
        else:
            found.append(("p", [line.strip()]))
    return found


def join_lines(piece):
    return " ".join(line.strip() for _, line in piece)


def inline(text):
    text = LINK.sub(r'<a href="\2">\1</a>', text)
    text = BOLD.sub(r"<b>\1</b>", text)
    return ITALIC.sub(r"<i>\1</i>", text)
