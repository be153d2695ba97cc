"""The whole data folder as plain data: categories, documents and every page's Entry.

Nothing here touches the database; loader.py turns the result into terms, documents and pages.
"""

from dataclasses import dataclass

from .datafiles import DATA_DIR, fail, read_documents, read_section_intros, read_taxonomy
from .pagefiles import (
    AUDIENCE,
    CASE_STUDY,
    INDEX,
    METHOD,
    RESEARCH,
    STANDARD,
    read_page,
    read_pages,
)


@dataclass
class DemoData:
    taxonomy: dict  # "regions", "target_groups", "projects": lists of dicts
    documents: list  # [{key, title, path}]
    home: object  # each page is an Entry
    standard_pages: list
    evidence_page: object  # below the "om" page
    research_index: object
    articles: list
    case_study_index: object
    section_intros: dict  # region slug -> intro of its section page
    case_studies: list
    method_index: object
    methods: list
    audience_index: object  # /for/
    audiences: list  # the role pages

    def entries(self):
        return [
            self.home,
            *self.standard_pages,
            self.evidence_page,
            self.research_index,
            *self.articles,
            self.case_study_index,
            *self.case_studies,
            self.method_index,
            *self.methods,
            self.audience_index,
            *self.audiences,
        ]


def read_demo_data(data_dir=DATA_DIR):
    """Everything in the data folder, checked. Raises DemoDataError at the first problem."""
    taxonomy = read_taxonomy(data_dir / "taxonomy")
    data = DemoData(
        taxonomy=taxonomy,
        documents=read_documents(data_dir / "documents"),
        home=read_page(data_dir / "home.md", INDEX),
        standard_pages=read_pages(data_dir / "pages", STANDARD),
        evidence_page=read_page(data_dir / "pages" / "om" / "evidens.md", STANDARD),
        research_index=read_page(data_dir / "research" / "index.md", INDEX),
        articles=read_pages(data_dir / "research", RESEARCH),
        case_study_index=read_page(data_dir / "casestudies" / "index.md", INDEX),
        section_intros=read_section_intros(
            data_dir / "casestudies" / "sections.yaml", taxonomy["regions"]
        ),
        case_studies=read_pages(data_dir / "casestudies", CASE_STUDY),
        method_index=read_page(data_dir / "methods" / "index.md", INDEX),
        methods=read_pages(data_dir / "methods", METHOD),
        audience_index=read_page(data_dir / "audiences" / "index.md", INDEX),
        audiences=read_pages(data_dir / "audiences", AUDIENCE),
    )
    check_references(data)
    return data


def check_references(data):
    """Document keys and related pages must name something in the data folder."""
    documents = {document["key"] for document in data.documents}
    slugs = {
        "research": {entry.fields["slug"] for entry in data.articles},
        "casestudy": {entry.fields["slug"] for entry in data.case_studies},
        "method": {entry.fields["slug"] for entry in data.methods},
    }
    for entry in data.entries():
        keys = [entry.fields["pdf"]] if entry.fields.get("pdf") else []
        for name in ("body", "material"):
            blocks = entry.fields.get(name, [])
            keys += [block["value"]["document"] for block in blocks if block["type"] == "document"]
        for key in keys:
            if key not in documents:
                fail(entry.path, f"okänt dokument ”{key}” (finns inte i documents/documents.yaml)")
        for key in ("related", "picks"):
            for kind, slug in entry.fields.get(key, []):
                if slug not in slugs[kind]:
                    fail(entry.path, f"{key}: ingen sida av typen {kind} har slug ”{slug}”")
