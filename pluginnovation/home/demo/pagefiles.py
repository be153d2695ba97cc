"""Reading one page's file: YAML front matter for the fields, Markdown sections for the text.

A file starts with its fields between two lines of ---; below them, each "# Avsnitt" heading
starts one of the page's text fields (the names are the admin's labels, see PageType below).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pluginnovation.content.categories import VOCABULARIES

from . import markdown
from .datafiles import display_name, fail, read_yaml

# ContentPage's category fields. The loader checks their slugs against the database, since
# success factors, levels and intervention types come from a migration, not from the data.
TERM_KEYS = tuple(category.field for category in VOCABULARIES)
PAGE_KEYS = {"slug", "title", "seo_title", "search_description", "show_in_menus"}
CONTENT_KEYS = PAGE_KEYS | {"summary", "published_date", "last_reviewed", "tags", *TERM_KEYS}
RELATED_KINDS = ("research", "casestudy")
# A role page's picks may also be methods.
PICK_KINDS = (*RELATED_KINDS, "method")


@dataclass(frozen=True)
class PageType:
    """What a page's file may hold: front matter keys, and sections by name -> (field, parser).

    `required` are the keys the loader itself needs; the page's own validation, when it is
    saved, reports any other missing field.
    """

    keys: frozenset
    sections: dict = field(default_factory=dict)
    required: tuple = ("slug", "title")


BODY = {"brödtext": ("body", markdown.body_blocks)}
INDEX = PageType(frozenset(PAGE_KEYS | {"intro"}))
STANDARD = PageType(frozenset(PAGE_KEYS | {"intro"}), BODY)
RESEARCH = PageType(
    frozenset(
        CONTENT_KEYS
        | {"authors", "year", "publisher", "link", "doi", "pdf"}
        | {"publication_type", "study_design"}
    ),
    {"viktigaste resultat": ("key_findings", markdown.rich_text), **BODY},
)
CASE_STUDY = PageType(
    frozenset(
        CONTENT_KEYS
        | {"region", "municipality", "organisation", "period", "school_form", "results"}
        | {"contact_name", "contact_role", "contact_email"}
    ),
    {
        "vad som gjordes": ("what_was_done", markdown.rich_text),
        "lärdomar": ("lessons_learned", markdown.rich_text),
        **BODY,
    },
    required=("slug", "title", "region", "municipality"),
)
# A method's knowledge basis, evidence strength and effort (methods/models.py).
METHOD_EVIDENCE_KEYS = (
    "knowledge_basis",
    "evidence_level",
    "staff_hours_per_week",
    "one_off_cost",
    "weeks_to_start",
)
METHOD = PageType(
    frozenset(
        CONTENT_KEYS
        | {"purpose", "audience", "time_and_resources", "related", *METHOD_EVIDENCE_KEYS}
    ),
    {
        "så gör ni": ("steps", markdown.step_blocks),
        **BODY,
        "material att ladda ner": ("material", markdown.document_blocks),
    },
)

# A role page (/for/<roll>/): its introduction, the target groups and levels its automatic
# lists are chosen for, and the pages an editor picked, in order.
AUDIENCE = PageType(
    frozenset(PAGE_KEYS | {"intro", "target_groups", "levels", "picks"}),
    {"vad kunskapsbanken erbjuder": ("offer", markdown.rich_text)},
)


@dataclass(frozen=True)
class Entry:
    """One page's data: the file it came from (for messages) and its field values."""

    path: Path
    fields: dict

    @property
    def name(self):
        return display_name(self.path)


def read_pages(folder, page_type):
    """The pages in `folder` in file-name order; index.md is the folder's own page."""
    paths = sorted(path for path in folder.glob("*.md") if path.name != "index.md")
    entries = [read_page(path, page_type) for path in paths]
    seen = {}
    for entry in entries:
        slug = entry.fields["slug"]
        if slug in seen:
            fail(entry.path, f"slug ”{slug}” används redan i {seen[slug].name}")
        seen[slug] = entry
    return entries


def read_page(path, page_type):
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        fail(path, f"filen går inte att läsa ({error.strerror})")
    front, lines = split_front_matter(path, text)
    fields = front_matter_fields(path, front, page_type)
    try:
        fields.update(section_fields(lines, page_type))
    except markdown.MarkdownError as error:
        fail(path, str(error))
    return Entry(path, fields)


def split_front_matter(path, text):
    """The front matter, parsed, and the numbered lines below it."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        fail(path, "filen ska börja med en rad med bara --- och sidans fält under den")
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            front = read_yaml(path, "\n".join(lines[1:end]), first_line=2)
            if not isinstance(front, dict):
                fail(path, "fälten mellan ---raderna skrivs namn: värde, ett per rad")
            rest = "\n".join(lines[end + 1 :])
            return front, markdown.numbered(rest, first_line=end + 2)
    fail(path, "fälten saknar en avslutande rad med bara ---")


def front_matter_fields(path, front, page_type):
    unknown = sorted(set(front) - page_type.keys)
    if unknown:
        allowed = ", ".join(sorted(page_type.keys))
        fail(path, f"okänt fält {', '.join(unknown)} (fält som går att använda: {allowed})")
    for key in page_type.required:
        if not isinstance(front.get(key), str) or not front[key].strip():
            fail(path, f"fältet {key} saknas eller är tomt")
    fields = dict(front)
    for key in ("published_date", "last_reviewed"):
        if key in fields and not isinstance(fields[key], datetime.date):
            fail(path, f"{key} ska vara ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2018-05-14")
    for key in (*TERM_KEYS, "tags"):
        value = fields.get(key, [])
        if not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
            fail(path, f"{key} ska vara en lista, t.ex. [första, andra]")
    if "show_in_menus" in fields and not isinstance(fields["show_in_menus"], bool):
        fail(path, "show_in_menus ska vara true eller false")
    if "results" in fields:
        fields["results"] = [result_fields(path, result) for result in fields["results"] or []]
    if "related" in fields:
        fields["related"] = [related_page(path, item) for item in fields["related"] or []]
    if "picks" in fields:
        fields["picks"] = [related_page(path, item, PICK_KINDS) for item in fields["picks"] or []]
    return fields


def result_fields(path, result):
    """One case study result; values become Decimals, and a missing value_before is None."""
    if not isinstance(result, dict):
        fail(path, "varje resultat under results är en post: - indicator: …")
    fields = dict(result)
    for key in ("value_before", "value_after"):
        value = fields.get(key)
        try:
            fields[key] = None if value is None else Decimal(str(value))
        except InvalidOperation:
            fail(path, f"{key} ska vara ett tal med decimalpunkt, t.ex. 8.4 (inte {value})")
    return fields


def related_page(path, item, kinds=RELATED_KINDS):
    """(kind, slug) from an entry such as {casestudy: porten-partille}; kinds: the types the
    list takes ("research", "casestudy", and for a role page's picks "method")."""
    if not (isinstance(item, dict) and len(item) == 1 and next(iter(item)) in kinds):
        if kinds == RELATED_KINDS:
            fail(path, "varje rad under related skrivs - casestudy: slug eller - research: slug")
        fail(
            path,
            "varje rad under picks skrivs - method: slug, - casestudy: slug eller - research: slug",
        )
    ((kind, slug),) = item.items()
    if not isinstance(slug, str):
        fail(path, f"{kind}: ange sidans slug")
    return kind, slug


def section_fields(lines, page_type):
    """The page's text fields, from its "# Avsnitt" sections."""
    before, sections = markdown.sections(lines)
    allowed = ", ".join(f"# {name.capitalize()}" for name in page_type.sections) or "inga"
    before = [number for number, line in before if line.strip()]
    if before:
        raise markdown.MarkdownError(before[0], f"text före första avsnittet (avsnitt: {allowed})")
    fields = {}
    for name, (number, section_lines) in sections.items():
        if name not in page_type.sections:
            raise markdown.MarkdownError(
                number, f"okänt avsnitt ”# {name.capitalize()}” (avsnitt: {allowed})"
            )
        field_name, parse = page_type.sections[name]
        fields[field_name] = parse(section_lines)
    return fields
