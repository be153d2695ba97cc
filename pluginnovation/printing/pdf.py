"""PDF documents in the site's plain print style, built with ReportLab.

Callers build a story of flowables with the small functions here and render it:

    story = [pdf.heading("Handlingsplan"), pdf.paragraph("…"), pdf.bullets(["…"])]
    return pdf.response(pdf.render(story, title="Handlingsplan"), "handlingsplan.pdf")

Every text argument is plain text and is escaped here; only rich_text() takes HTML. The fonts
are the Bitstream Vera faces ReportLab ships with, so å, ä, ö, dashes and quotes print on any
machine without system fonts. Level-1 headings become PDF bookmarks and, with contents=True,
lines on a contents page.
"""

import io
from functools import cache
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from django.http import HttpResponse
from django.utils.cache import patch_cache_control

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

SITE_NAME = "PlugInnovation"
FONT = "Vera"
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#bbbbbb")
MARGIN = 18 * mm


@cache
def register_fonts():
    folder = Path(reportlab.__file__).parent / "fonts"
    faces = {"": "Vera", "-Bold": "VeraBd", "-Italic": "VeraIt", "-BoldItalic": "VeraBI"}
    for suffix, filename in faces.items():
        pdfmetrics.registerFont(TTFont(FONT + suffix, folder / f"{filename}.ttf"))
    pdfmetrics.registerFontFamily(
        FONT,
        normal=FONT,
        bold=f"{FONT}-Bold",
        italic=f"{FONT}-Italic",
        boldItalic=f"{FONT}-BoldItalic",
    )
    return FONT


def heading_style(name, body, size, leading, before, after):
    """A heading's style: it goes over to the next page with what follows it (keepWithNext),
    never left alone as a page's last line."""
    return ParagraphStyle(
        name,
        parent=body,
        fontName=f"{FONT}-Bold",
        fontSize=size,
        leading=leading,
        spaceBefore=before,
        spaceAfter=after,
        keepWithNext=1,
    )


@cache
def styles():
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=10, leading=14, textColor=INK, spaceAfter=6
    )
    bold = f"{FONT}-Bold"
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        "meta": ParagraphStyle("meta", parent=body, fontSize=9, leading=12, textColor=MUTED),
        "title": ParagraphStyle(
            "title", parent=body, fontName=bold, fontSize=22, leading=27, spaceAfter=10
        ),
        1: heading_style("h1", body, 17, 21, before=0, after=8),
        2: heading_style("h2", body, 13, 17, before=8, after=4),
        3: heading_style("h3", body, 11, 15, before=6, after=3),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=12, spaceAfter=0),
        "cell_head": ParagraphStyle(
            "cell_head", parent=body, fontName=bold, fontSize=9, leading=12, spaceAfter=0
        ),
        "contents": ParagraphStyle("contents", parent=body, leftIndent=0, alignment=TA_LEFT),
    }


def text(value):
    """Plain text as Paragraph markup: escaped, line breaks kept."""
    return escape(str(value or ""), quote=False).replace("\n", "<br/>")


class Heading(Paragraph):
    """A heading that tells the document its level, for bookmarks and the contents page."""

    def __init__(self, value, level):
        super().__init__(text(value), styles()[min(max(level, 1), 3)])
        self.level = level
        self.plain = str(value)


def heading(value, level=1):
    return Heading(value, level)


def title(value):
    return Paragraph(text(value), styles()["title"])


def paragraph(value, style="body"):
    return Paragraph(text(value), styles()[style])


def link(label, url):
    """A link that stays useful on paper: its label, then the full address."""
    safe_url = escape(url, quote=True)
    return Paragraph(
        f'<a href="{safe_url}" color="#1a4f8b">{text(label)}</a>'
        f'<br/><font size="8.5" color="#555555">{text(url)}</font>',
        styles()["body"],
    )


def definitions(rows):
    """(label, value) pairs as a two-column table, e.g. a method's facts."""
    return _table([[label, value] for label, value in rows], col_widths=[45 * mm, None])


def table(header, rows, col_widths=None):
    return _table([list(header), *rows], col_widths=col_widths, header=True)


def _table(rows, col_widths=None, header=False):
    style = styles()
    cells = [
        [
            Paragraph(text(value), style["cell_head" if header and i == 0 else "cell"])
            for value in row
        ]
        for i, row in enumerate(rows)
    ]
    width = A4[0] - 2 * MARGIN
    if col_widths:
        fixed = sum(w for w in col_widths if w)
        free = [w for w in col_widths if not w]
        col_widths = [w or (width - fixed) / len(free) for w in col_widths]
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]
    if header:
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 1, INK))
    # splitInRow: a cell taller than a page (a visitor's long list in a plan) goes on over the
    # page break; otherwise ReportLab cannot place the row and no PDF is made.
    result = Table(
        cells,
        colWidths=col_widths,
        repeatRows=1 if header else 0,
        hAlign="LEFT",
        splitInRow=1,
    )
    result.setStyle(TableStyle(commands))
    return result


def spacer(height_mm=4):
    return Spacer(1, height_mm * mm)


def page_break():
    return PageBreak()


def keep_together(flowables):
    return KeepTogether(flowables)


# Rich text


class _RichTextParser(HTMLParser):
    """Turns the HTML of Wagtail rich text (already expanded, e.g. by richtext or
    expand_db_html) into flowables: paragraphs, headings, lists and quotes, with bold, italics
    and links inline. A link keeps its full address after its text, so paper still says where
    it goes. Anything else (images, embeds, unknown tags) is left out but its text is kept."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"}
    INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i"}

    def __init__(self, base_url):
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.flowables = []
        self.buffer = []
        self.block = "p"
        self.lists = []  # a stack of [ordered, items]
        self.link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("ul", "ol"):
            self.flush()
            self.lists.append([tag == "ol", []])
        elif tag in self.BLOCKS:
            self.flush()
            self.block = tag
        elif tag == "br":
            self.buffer.append("<br/>")
        elif tag in self.INLINE:
            self.buffer.append(f"<{self.INLINE[tag]}>")
        elif tag == "a" and attrs.get("href"):
            self.link = urljoin(self.base_url, attrs["href"])
            self.buffer.append(f'<a href="{escape(self.link, quote=True)}" color="#1a4f8b">')

    def handle_endtag(self, tag):
        if tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                ordered, items = self.lists.pop()
                if items:
                    self.flowables.append(bullets(items, ordered=ordered))
        elif tag in self.BLOCKS:
            self.flush()
        elif tag in self.INLINE:
            self.buffer.append(f"</{self.INLINE[tag]}>")
        elif tag == "a" and self.link:
            self.buffer.append(f'</a> <font size="8.5" color="#555555">({text(self.link)})</font>')
            self.link = None

    def handle_data(self, data):
        self.buffer.append(text(data))

    def flush(self):
        markup = "".join(self.buffer).strip()
        self.buffer = []
        block, self.block = self.block, "p"
        if not markup or markup == "<br/>":
            return
        if self.lists and block == "li":
            # List items are plain text in bullets(); keep their markup by wrapping here.
            self.lists[-1][1].append(_Markup(markup))
            return
        if block.startswith("h") and len(block) == 2:
            style = styles()[min(max(int(block[1]) - 1, 2), 3)]
        else:
            style = styles()["body"]
        if block == "blockquote":
            style = ParagraphStyle("quote", parent=style, leftIndent=12, textColor=MUTED)
        self.flowables.append(Paragraph(markup, style))

    def close(self):
        super().close()
        self.flush()
        while self.lists:
            self.handle_endtag("ul")


class _Markup(str):
    """Text that is already Paragraph markup (from rich text), so bullets() keeps it as is."""


def rich_text(html, base_url=""):
    """Flowables for a piece of rich text HTML; relative links are made absolute with base_url."""
    parser = _RichTextParser(base_url)
    parser.feed(str(html or ""))
    parser.close()
    return parser.flowables


def _item_paragraph(item):
    if isinstance(item, _Markup):
        return Paragraph(str(item), styles()["body"])
    return paragraph(item)


def bullets(items, ordered=False):
    """A list of plain-text items (or rich-text markup items from rich_text())."""
    return ListFlowable(
        [ListItem(_item_paragraph(item), leftIndent=12) for item in items],
        bulletType="1" if ordered else "bullet",
        start=None if ordered else "•",
        leftIndent=12,
        bulletFontName=FONT,
        bulletFontSize=9,
    )


# The document


class _Document(SimpleDocTemplate):
    def afterFlowable(self, flowable):
        if isinstance(flowable, Heading) and flowable.level == 1:
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.plain, key, level=0, closed=True)
            self.notify("TOCEntry", (0, text(flowable.plain), self.page, key))


def _footer(document_title):
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, 10 * mm, f"{SITE_NAME} – {document_title}"[:110])
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, f"Sida {doc.page}")
        canvas.restoreState()

    return draw


def render(story, title, contents=False, subject=""):
    """The story as PDF bytes. With contents=True a contents page, listing every level-1
    heading with its page number, comes after the first flowables up to the first
    page_break() (so a cover title can precede it)."""
    register_fonts()
    buffer = io.BytesIO()
    document = _Document(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=title,
        author=SITE_NAME,
        creator=SITE_NAME,
        subject=subject,
        lang="sv",
    )
    story = list(story)
    if contents:
        toc = TableOfContents(
            levelStyles=[ParagraphStyle("toc1", parent=styles()["body"], leftIndent=0)],
            dotsMinLevel=0,
        )
        position = next(
            (i for i, flowable in enumerate(story) if isinstance(flowable, PageBreak)),
            len(story),
        )
        story[position:position] = [_contents_heading("Innehåll"), toc]
        draw = _footer(title)
        document.multiBuild(story, onFirstPage=draw, onLaterPages=draw)
    else:
        draw = _footer(title)
        document.build(story, onFirstPage=draw, onLaterPages=draw)
    return buffer.getvalue()


def _contents_heading(value):
    """A level-1-looking heading that is not itself listed in the contents."""
    return Paragraph(text(value), styles()[1])


def response(data, filename, inline=False):
    """The PDF as a download. Private: plans and collections belong to whoever has the link."""
    result = HttpResponse(data, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    result["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    patch_cache_control(result, private=True, no_store=True)
    result["X-Robots-Tag"] = "noindex"
    return result
