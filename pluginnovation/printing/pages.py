"""Content pages in print layout: the same parts for the printed pack (HTML) and the PDF.

printable_pages() reads a list of pages in bulk and describes each as a PrintablePage: type,
title, byline, full address, summary, the type's own sections (a method's facts and steps, a
case study's work, results and lessons, a research article's publication facts and findings),
the body, then what the page itself shows after its body (a case study's contact, a method's
material). Links keep their full addresses, so paper still says where they lead.

The cost does not grow with the number of pages: one query per content type, one each for
the success factors, case-study results, documents and images, and the rich text of every page
is expanded in one pass (one query per kind of internal link).
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects
from django.utils.formats import date_format
from django.utils.safestring import mark_safe

from wagtail.images import get_image_model
from wagtail.rich_text import expand_db_html

from reportlab.lib.units import mm

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.content.numbers import number, signed
from pluginnovation.content.visibility import public_documents, restricted_collection
from pluginnovation.printing import pdf
from research.models import ResearchArticlePage

MISSING = "uppgift saknas"
# The period is written with what was measured, as on the case study's own page.
RESULT_COLUMNS = ["Vad som mättes", "Före", "Efter", "Förändring", "Bedömning", "Källa"]
# Millimetres; None takes the rest of the width. The change fits "−7,1 procentenheter" whole.
RESULT_WIDTHS = [None, 16, 16, 30, 24, 30]
# Rich text of all pages is expanded in one call, joined by this (never in rich text).
SEPARATOR = "\x1f"


class RichText:
    """Rich text waiting to be expanded with the rest of the batch; renders as its HTML."""

    def __init__(self, source):
        self.source = source or ""
        self.html = ""

    def __html__(self):
        return mark_safe(self.html)

    def __str__(self):
        return self.__html__()

    def __bool__(self):
        return bool(self.source.strip())


class RichTextBatch:
    def __init__(self):
        self.items = []

    def add(self, source):
        item = RichText(source)
        self.items.append(item)
        return item

    def expand(self):
        """Expand every piece at once: link queries are shared by the whole batch."""
        if not self.items:
            return
        expanded = expand_db_html(SEPARATOR.join(item.source for item in self.items))
        for item, html in zip(self.items, expanded.split(SEPARATOR), strict=True):
            item.html = html


@dataclass
class Link:
    label: str
    url: str
    details: str = ""


@dataclass
class Section:
    heading: str
    facts: list = field(default_factory=list)  # (label, text, url or "")
    text: str = ""
    rich: RichText | None = None
    steps: list = field(default_factory=list)  # (title, RichText)
    table: tuple | None = None  # (header, rows)
    links: list = field(default_factory=list)  # Link


@dataclass
class Block:
    """One block of a page's body: kind is heading, rich, quote, image, link or fact_box."""

    kind: str
    text: str = ""
    level: int = 2
    rich: RichText | None = None
    attribution: str = ""
    link: Link | None = None
    image: object = None
    alt: str = ""


@dataclass
class PrintablePage:
    page: object
    type_label: str
    title: str
    url: str
    summary: str
    byline: list
    factors: list
    sections: list
    body: list
    # After the body, as on the page itself: a case study's contact, a method's material.
    closing: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"sida-{self.page.pk}"


def specific_with_bodies(pairs):
    """The specific pages for (pk, content type id) pairs, in order, with their own data."""
    by_type = {}
    for pk, type_id in pairs:
        by_type.setdefault(type_id, []).append(pk)
    by_pk = {}
    for type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        pages = model.objects.filter(pk__in=pks)
        if model is CaseStudyPage:
            pages = pages.select_related("municipality").prefetch_related("results")
        by_pk.update((page.pk, page) for page in pages)
    items = [by_pk[pk] for pk, _type in pairs if pk in by_pk]
    prefetch_related_objects(items, "factors")
    return items


def _raw_blocks(page):
    blocks = list(page.body.raw_data) if page.body else []
    material = list(page.material.raw_data) if isinstance(page, MethodPage) else []
    return blocks, material


def _image_id(value):
    image = value.get("image") if isinstance(value, dict) else None
    if isinstance(image, dict):
        return image.get("image")
    return image


class Reader:
    """Builds PrintablePages; documents and images of all pages are read together."""

    def __init__(self, request, pages):
        self.origin = request.build_absolute_uri("/")
        self.request = request
        self.rich = RichTextBatch()
        document_ids, image_ids = set(), set()
        for page in pages:
            blocks, material = _raw_blocks(page)
            for block in blocks + material:
                value = block.get("value") or {}
                if block.get("type") == "document" and isinstance(value, dict):
                    document_ids.add(value.get("document"))
                elif block.get("type") == "image":
                    image_ids.add(_image_id(value))
            if isinstance(page, ResearchArticlePage) and page.pdf_id:
                document_ids.add(page.pdf_id)
        document_ids.discard(None)
        image_ids.discard(None)
        # Only documents anyone may download: one in a private collection is never printed.
        self.documents = public_documents(list(document_ids))
        for page in pages:
            if isinstance(page, ResearchArticlePage):
                page.public_pdf = self.documents.get(page.pdf_id)  # read here, with the rest
        self.images = {}
        if image_ids:
            # An image in a private collection is left out, as on the page (public_image).
            images = get_image_model().objects.filter(pk__in=image_ids)
            images = images.exclude(restricted_collection())
            self.images = {image.pk: image for image in images.prefetch_renditions("width-800")}

    def full(self, url):
        return urljoin(self.origin, url) if url else ""

    def document_link(self, value):
        document = self.documents.get(value.get("document")) if isinstance(value, dict) else None
        if document is None:
            return None
        details = document.file_extension.upper()
        return Link(value.get("title") or document.title, self.full(document.url), details)

    def page(self, page):
        kind = type(page)
        sections = [Section("I korthet", text=page.summary)]
        byline, closing = [], []
        if kind is MethodPage:
            sections += self.method_sections(page)
            closing = self.method_closing(page)
        elif kind is CaseStudyPage:
            byline = [page.organisation]
            sections += self.case_study_sections(page)
            closing = self.case_study_closing(page)
        elif kind is ResearchArticlePage:
            byline = [f"{page.authors} ({page.year})", page.publication_year_label]
            sections += self.research_sections(page)
        return PrintablePage(
            page=page,
            type_label=page.type_label,
            title=page.title,
            url=self.full(page.get_url(self.request)),
            summary=page.summary,
            byline=[line for line in byline if line],
            factors=[factor.name for factor in page.factors.all()],
            sections=sections,
            body=self.body(page),
            closing=closing,
        )

    def method_sections(self, page):
        cost = page.one_off_cost
        weeks = page.weeks_to_start
        facts = [
            ("Kunskapsgrund", page.get_knowledge_basis_display() or MISSING, ""),
            ("Evidensstyrka", page.evidence_label or MISSING, ""),
            ("Personaltid", page.staff_time or MISSING, ""),
            (
                "Engångskostnad",
                MISSING
                if cost is None
                else (f"{number(cost)} kr" if cost else "ingen extra kostnad"),
                "",
            ),
            (
                "Tid till start",
                MISSING if weeks is None else f"{weeks} veck{'a' if weeks == 1 else 'or'}",
                "",
            ),
        ]
        steps = [
            (step["value"].get("title", ""), self.rich.add(step["value"].get("text", "")))
            for step in page.steps.raw_data
            if isinstance(step.get("value"), dict)
        ]
        return [
            Section("Kunskapsläge och insats", facts=facts),
            Section("Syfte", text=page.purpose),
            Section("För vem", text=page.audience),
            Section("Så gör ni", steps=steps),
            Section("Tid och resurser", text=page.time_and_resources),
        ]

    def method_closing(self, page):
        material = [
            link
            for block in page.material.raw_data
            if (link := self.document_link(block.get("value"))) is not None
        ]
        return [Section("Material att ladda ner", links=material)] if material else []

    def case_study_sections(self, page):
        facts = [
            ("Skola eller verksamhet", page.organisation, ""),
            ("Kommun", page.municipality.name if page.municipality_id else MISSING, ""),
        ]
        if page.municipality_id and page.municipality.kommungrupp:
            facts.append(("Kommungrupp (SKR)", page.municipality.get_kommungrupp_display(), ""))
        if page.school_form:
            facts.append(("Skolform", page.get_school_form_display(), ""))
        facts.append(("Period", page.period, ""))
        sections = [
            Section("Om fallstudien", facts=facts),
            Section("Vad som gjordes", rich=self.rich.add(page.what_was_done)),
        ]
        figures = [
            (
                figure.description,
                f"{number(figure.value_after)} {figure.unit}, {figure.period}; "
                f"källa: {figure.source}",
                "",
            )
            for figure in page.work_figures()
        ]
        if figures:
            sections.append(Section("Insatsen i siffror", facts=figures))
        results = page.outcomes()
        if results:
            rows = [
                [
                    f"{result.description} ({result.get_indicator_display()}, {result.unit}; "
                    f"{result.period})",
                    MISSING if result.value_before is None else number(result.value_before),
                    number(result.value_after) if result.value_after is not None else MISSING,
                    signed_change(result),
                    result.direction_label,
                    result.source,
                ]
                for result in results
            ]
            sections.append(Section("Resultat", table=(RESULT_COLUMNS, rows)))
        sections.append(Section("Lärdomar", rich=self.rich.add(page.lessons_learned)))
        return sections

    def case_study_closing(self, page):
        contact = [
            ("Namn", page.contact_name, ""),
            ("Roll", page.contact_role, ""),
            (
                "E-post",
                page.contact_email,
                f"mailto:{page.contact_email}" if page.contact_email else "",
            ),
        ]
        contact = [row for row in contact if row[1]]
        return [Section("Kontakt", facts=contact)] if contact else []

    def research_sections(self, page):
        facts = [("Typ av publikation", page.publication_type_label, "")]
        if page.study_design_label:
            facts.append(("Studiedesign", page.study_design_label, ""))
        facts += [
            ("Författare", page.authors, ""),
            ("Utgivningsår", str(page.year), ""),
            ("Utgivare eller tidskrift", page.publisher, ""),
        ]
        url = self.full(page.publication_url)
        if url:
            facts.append(("Publikationen", url, url))
        if page.doi:
            facts.append(("DOI", page.doi_url, page.doi_url))
        if page.link and page.link != page.publication_url:
            facts.append(("Webbsida", page.link, page.link))
        return [
            Section("Om publikationen", facts=facts),
            Section("Viktigaste resultat", rich=self.rich.add(page.key_findings)),
        ]

    def body(self, page):
        blocks = []
        for raw in _raw_blocks(page)[0]:
            kind, value = raw.get("type"), raw.get("value")
            if kind == "paragraph":
                blocks.append(Block("rich", rich=self.rich.add(value)))
            elif kind == "heading" and isinstance(value, dict):
                level = 3 if value.get("level") == "h3" else 2
                blocks.append(Block("heading", text=value.get("text", ""), level=level))
            elif kind == "quote" and isinstance(value, dict):
                blocks.append(
                    Block(
                        "quote",
                        text=value.get("text", ""),
                        attribution=value.get("attribution", ""),
                    )
                )
            elif kind == "fact_box" and isinstance(value, dict):
                blocks.append(
                    Block(
                        "fact_box",
                        text=value.get("title", ""),
                        rich=self.rich.add(value.get("text", "")),
                        attribution=value.get("source", ""),
                    )
                )
            elif kind == "document":
                link = self.document_link(value)
                if link:
                    blocks.append(Block("link", link=link))
            elif kind == "video" and isinstance(value, dict):
                url = value.get("video") or ""
                label = value.get("title") or "Film"
                caption = value.get("caption") or ""
                blocks.append(Block("link", link=Link(label, url, caption)))
            elif kind == "image" and isinstance(value, dict):
                image_value = value.get("image")
                image = self.images.get(_image_id(value))
                if image is None:
                    continue
                alt = image.default_alt_text if hasattr(image, "default_alt_text") else image.title
                if isinstance(image_value, dict):
                    if image_value.get("decorative"):
                        alt = ""
                    elif image_value.get("alt_text"):
                        alt = image_value["alt_text"]
                blocks.append(Block("image", image=image, alt=alt, text=value.get("caption", "")))
        return blocks


def signed_change(result):
    change = signed(result.change)
    return f"{change} {result.change_unit}".strip() if change else "–"


def printable_pages(pairs, request):
    """PrintablePages for (page id, content type id) pairs of visible pages, in that order."""
    pages = specific_with_bodies(pairs)
    reader = Reader(request, pages)
    printable = [reader.page(page) for page in pages]
    reader.rich.expand()
    return printable


# The PDF


def section_flowables(section, base_url):
    story = [pdf.heading(section.heading, level=2)]
    if section.facts:
        story.append(pdf.definitions([(label, text) for label, text, _url in section.facts]))
    if section.text:
        story += [pdf.paragraph(part) for part in section.text.split("\n\n") if part.strip()]
    if section.rich:
        story += pdf.rich_text(section.rich.html, base_url=base_url)
    for number_, (title, rich) in enumerate(section.steps, start=1):
        story.append(pdf.heading(f"{number_}. {title}", level=3))
        story += pdf.rich_text(rich.html, base_url=base_url)
    if section.table:
        header, rows = section.table
        widths = [width * mm if width else None for width in RESULT_WIDTHS]
        story.append(pdf.table(header, rows, col_widths=widths))
    for link in section.links:
        label = f"{link.label} ({link.details})" if link.details else link.label
        story.append(pdf.link(label, link.url))
    return story


def body_flowables(blocks, base_url):
    story = []
    for block in blocks:
        if block.kind == "heading":
            story.append(pdf.heading(block.text, level=block.level))
        elif block.kind == "rich":
            story += pdf.rich_text(block.rich.html, base_url=base_url)
        elif block.kind == "quote":
            quote = f"”{block.text}”" + (f" – {block.attribution}" if block.attribution else "")
            story.append(pdf.paragraph(quote))
        elif block.kind == "fact_box":
            story.append(pdf.heading(block.text, level=3))
            story += pdf.rich_text(block.rich.html, base_url=base_url)
            if block.attribution:
                story.append(pdf.paragraph(f"Källa: {block.attribution}", style="small"))
        elif block.kind == "link":
            label = block.link.label + (f" ({block.link.details})" if block.link.details else "")
            story.append(pdf.link(label, block.link.url))
        elif block.kind == "image":
            described = block.text or block.alt
            if described:
                story.append(pdf.paragraph(f"Bild: {described}", style="small"))
    return story


def page_flowables(printable, base_url):
    """One page in print layout: title (listed in the contents), type and address, the
    summary, the type's own sections, then the body."""
    story = [
        pdf.heading(printable.title, level=1),
        pdf.paragraph(" · ".join([printable.type_label, *printable.byline]), style="meta"),
        pdf.paragraph(printable.url, style="meta"),
    ]
    if printable.factors:
        story.append(pdf.paragraph("Framgångsfaktorer: " + ", ".join(printable.factors), "meta"))
    for section in printable.sections:
        story += section_flowables(section, base_url)
    story += body_flowables(printable.body, base_url)
    for section in printable.closing:
        story += section_flowables(section, base_url)
    return story


def collection_pdf(name, pairs, request, hidden=""):
    """The collection as one PDF: a cover, a contents page, then each page on new pages."""
    printable = printable_pages(pairs, request)
    base_url = request.build_absolute_uri("/")
    today = date_format(datetime.date.today(), "j F Y")
    count = len(printable)
    story = [
        pdf.title(name),
        pdf.paragraph(
            f"{count} sid{'a' if count == 1 else 'or'} ur kunskapsbanken PlugInnovation, "
            f"utskriv{'en' if count == 1 else 'na'} {today}.",
            style="meta",
        ),
    ]
    if hidden:
        story.append(pdf.paragraph(hidden, style="meta"))
    if not printable:
        story.append(pdf.paragraph("Samlingen är tom."))
    for item in printable:
        story.append(pdf.page_break())
        story += page_flowables(item, base_url)
    return pdf.render(story, title=name, contents=bool(printable), subject="Min samling")


def pdf_response(data, filename):
    return pdf.response(data, filename)
