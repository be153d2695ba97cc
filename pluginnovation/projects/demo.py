"""Demo project pages: /projekt/ and one page per project term (taxonomy/projects.yaml).

Data: pluginnovation/home/demo/data/projects/ — index.yaml (the index page) and <slug>.md, one
file per project, named by the project's slug: YAML front matter (partners, funding amounts
with their sources, reports) and the sections "# Mål" and "# Vad som gjordes" in the demo's
Markdown. A report is either an existing demo document (`document: <key>` from
documents/documents.yaml) or a fact sheet generated here as a PDF (`title`, `sections`).

As the rest of the demo loader: pages are found by slug, documents by title; what is missing
is created and published, what exists is left alone, so a second run creates nothing.
"""

from pathlib import Path

from wagtail.documents import get_document_model

from pluginnovation.home.demo import markdown
from pluginnovation.home.demo.datafiles import DATA_DIR, fail, read_yaml
from pluginnovation.home.demo.pagefiles import PageType, read_pages
from pluginnovation.home.demo.publishing import generated_pdf, publish_page
from pluginnovation.printing import pdf
from pluginnovation.projects.models import ProjectIndexPage, ProjectPage
from pluginnovation.taxonomy.models import Project

PROJECTS_DIR = DATA_DIR / "projects"
DOCUMENTS_FILE = DATA_DIR / "documents" / "documents.yaml"
INDEX_KEYS = {"slug", "title", "intro", "seo_title", "search_description"}
PROJECT = PageType(
    frozenset({"slug", "seo_title", "search_description", "partners", "funding", "reports"}),
    {
        "mål": ("goals", markdown.rich_text),
        "vad som gjordes": ("what_was_done", markdown.rich_text),
    },
    required=("slug",),
)


def load_projects(home_page, created, data_dir=None):
    """Create what is missing of /projekt/ below `home_page`: the index and a page for each
    project file whose project term exists. Counts what was created in `created`."""
    folder = Path(data_dir or PROJECTS_DIR)
    index = ensure_index(home_page, folder / "index.yaml", created)
    for entry in read_pages(folder, PROJECT):
        slug = entry.fields["slug"]
        project = Project.objects.filter(slug=slug).first()
        if project is None:
            fail(entry.path, f"det finns inget projekt med slug ”{slug}” (taxonomy/projects.yaml)")
        if ProjectPage.objects.filter(project=project).exists():
            continue
        publish_page(index, ProjectPage(**page_fields(entry, project, created)), entry, created)
    return index


def ensure_index(home_page, path, created):
    fields = read_yaml(path)
    if not isinstance(fields, dict) or not fields.get("slug") or not fields.get("title"):
        fail(path, "filen ska ha minst slug och title")
    unknown = sorted(set(fields) - INDEX_KEYS)
    if unknown:
        fail(path, f"okänt fält {', '.join(unknown)}")
    existing = home_page.get_children().filter(slug=fields["slug"]).first()
    if existing is not None:
        return existing.specific
    return publish_page(home_page, ProjectIndexPage(**fields), None, created)


def page_fields(entry, project, created):
    fields = {key: value for key, value in entry.fields.items() if key not in ("funding",)}
    fields["project"] = project
    fields["funding_amounts"] = [
        {"type": "funding", "value": funding_item(entry, item)}
        for item in entry.fields.get("funding") or []
    ]
    fields["reports"] = [
        {"type": "report", "value": report(entry, item, project, created)}
        for item in entry.fields.get("reports") or []
    ]
    return fields


def funding_item(entry, item):
    if not isinstance(item, dict) or not all(item.get(key) for key in ("funder", "amount")):
        fail(entry.path, "varje rad under funding skrivs - funder: …, amount: …, source: …")
    if not item.get("source"):
        fail(entry.path, f"beloppet från {item['funder']} saknar source (källa)")
    return {"funder": item["funder"], "amount": str(item["amount"]), "source": item["source"]}


def report(entry, item, project, created):
    if not isinstance(item, dict):
        fail(entry.path, "varje rapport skrivs - document: nyckel eller - title: …, sections: …")
    if item.get("document"):
        document = existing_document(entry, item["document"])
        title = item.get("title", "")
    else:
        if not item.get("title") or not isinstance(item.get("sections"), list):
            fail(entry.path, "en genererad rapport har title och sections")
        document = fact_sheet(item, project, created)
        title = ""
    return {
        "document": document.pk,
        "title": title,
        "description": item.get("description", ""),
    }


def existing_document(entry, key):
    """A demo document by its key in documents.yaml (the main loader has stored them)."""
    listed = {item.get("key"): item.get("title") for item in read_yaml(DOCUMENTS_FILE) or []}
    title = listed.get(key)
    document = get_document_model().objects.filter(title=title).first() if title else None
    if document is None:
        fail(entry.path, f"dokumentet ”{key}” finns inte (documents/documents.yaml)")
    return document


def fact_sheet(item, project, created):
    """The fact sheet as a Wagtail document, found by title or generated as a PDF."""

    def story():
        flowables = [
            pdf.title(item["title"]),
            pdf.paragraph(f"{project.owner}, {project.period}"),
        ]
        for section in item["sections"]:
            flowables.append(pdf.heading(section["heading"], level=1))
            if section.get("text"):
                flowables.append(pdf.paragraph(section["text"]))
            if section.get("points"):
                flowables.append(pdf.bullets(section["points"]))
            if section.get("source"):
                flowables.append(pdf.paragraph(f"Källa: {section['source']}"))
        flowables.append(
            pdf.paragraph(
                "Sammanställt av kunskapsbanken PlugInnovation från offentliga uppgifter om "
                "projektet."
            )
        )
        return flowables

    return generated_pdf(item["title"], story, project.name, created)
