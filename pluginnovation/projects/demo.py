"""Demo project pages: /projekt/ and one page per project term (taxonomy/projects.yaml).

Data: pluginnovation/home/demo/data/projects/ — index.yaml (the index page) and <slug>.md, one
file per project, named by the project's slug: YAML front matter (partners, funding amounts
with their sources, reports) and the sections "# Mål" and "# Vad som gjordes" in the demo's
Markdown. A report is either an existing demo document (`document: <key>` from
documents/documents.yaml) or a fact sheet generated here as a PDF (`title`, `sections`).

As the rest of the demo loader: pages are found by slug, documents by title; what is missing
is created and published, what exists is left alone, so a second run creates nothing.
"""

import hashlib
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from wagtail.documents import get_document_model

from reportlab import rl_config

from pluginnovation.content.forms import ascii_slug
from pluginnovation.home.demo import markdown
from pluginnovation.home.demo.datafiles import DATA_DIR, DemoDataError, fail, read_yaml
from pluginnovation.home.demo.pagefiles import PageType, read_pages
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
        publish(index, ProjectPage(**page_fields(entry, project, created)), entry, created)
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
    return publish(home_page, ProjectIndexPage(**fields), None, created)


def publish(parent, page, entry, created):
    page.live = False
    try:
        parent.add_child(instance=page)
    except ValidationError as error:
        if entry is None:
            raise
        problems = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
        raise DemoDataError(f"{entry.name}: sidan går inte att spara ({problems})") from error
    page.save_revision(clean=False).publish()
    created["pages"] += 1
    return page


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
    document_model = get_document_model()
    document = document_model.objects.filter(title=item["title"]).first()
    if document is not None:
        return document
    story = [pdf.title(item["title"]), pdf.paragraph(f"{project.owner}, {project.period}")]
    for section in item["sections"]:
        story.append(pdf.heading(section["heading"], level=1))
        if section.get("text"):
            story.append(pdf.paragraph(section["text"]))
        if section.get("points"):
            story.append(pdf.bullets(section["points"]))
        if section.get("source"):
            story.append(pdf.paragraph(f"Källa: {section['source']}"))
    story.append(
        pdf.paragraph(
            "Sammanställt av kunskapsbanken PlugInnovation från offentliga uppgifter om projektet."
        )
    )
    # Invariant output (no creation time or random id), so the same text gives the same file.
    invariant, rl_config.invariant = rl_config.invariant, 1
    try:
        content = pdf.render(story, title=item["title"], subject=project.name)
    finally:
        rl_config.invariant = invariant
    digest = hashlib.sha1(content).hexdigest()
    name = f"documents/{ascii_slug(item['title'])[:60]}-{digest[:8]}.pdf"
    document = document_model(title=item["title"], file_size=len(content), file_hash=digest)
    document.file.name = (
        name if default_storage.exists(name) else default_storage.save(name, ContentFile(content))
    )
    document.save()
    created["documents"] += 1
    return document
