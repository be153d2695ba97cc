"""Build the demo site from the data modules.

The rule is simple: everything is found by its slug (documents by their title). What is missing
is created and published; what exists is left exactly as it is, because an editor may have
changed it. Running the loader twice therefore changes nothing the second time.
"""

import hashlib
import os
from collections import Counter
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_save

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from modelsearch.index import get_indexed_models, insert_or_update_object
from modelsearch.signal_handlers import post_save_signal_handler

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyResult, RegionSectionPage
from methods.models import MethodIndexPage, MethodPage, MethodRelatedPage
from pluginnovation.home.models import HomePage, StandardPage
from pluginnovation.taxonomy.models import (
    InterventionType,
    Level,
    Municipality,
    Project,
    Region,
    SuccessFactor,
    TargetGroup,
)
from research.models import ResearchArticlePage, ResearchIndexPage

from . import casestudies, methods, pages, research, taxonomy
from .documents import DOCUMENTS
from .pdf import build_pdf

# ContentPage's many-to-many fields, and the vocabulary each one takes slugs from.
TERM_FIELDS = {
    "factors": SuccessFactor,
    "projects": Project,
    "regions": Region,
    "municipalities": Municipality,
    "target_groups": TargetGroup,
    "levels": Level,
    "intervention_types": InterventionType,
}
STREAM_FIELDS = ("body", "steps", "material")


def load_demo_content():
    """Create whatever part of the demo site is missing. Returns a Counter of what was created."""
    created = Counter()
    with transaction.atomic():
        load_taxonomy(created)
        loader = PageLoader(load_documents(created), created)
        with indexing_deferred(loader.new_pages):
            loader.load_site()
    return created


@contextmanager
def indexing_deferred(new_pages):
    """Index each new page once at the end, not on each of the three saves that publish it.

    Creating, revising and publishing a page saves it three times, and every save would
    update the search index and the reference index; doing it once keeps the loader fast.
    """
    paused = [
        model
        for model in get_indexed_models()
        if issubclass(model, Page) and post_save.disconnect(post_save_signal_handler, model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in paused:
            post_save.connect(post_save_signal_handler, sender=model)
    for page in new_pages:
        insert_or_update_object(page)
        ReferenceIndex.create_or_update_for_object(page)


# Taxonomy and documents


def load_taxonomy(created):
    for order, data in enumerate(taxonomy.REGIONS):
        region, new = Region.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"], "sort_order": order}
        )
        created["terms"] += new
        for slug, name, code in data["municipalities"]:
            _, new = Municipality.objects.get_or_create(
                slug=slug, defaults={"name": name, "code": code, "region": region}
            )
            created["terms"] += new
    for order, data in enumerate(taxonomy.TARGET_GROUPS):
        _, new = TargetGroup.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"], "sort_order": order}
        )
        created["terms"] += new
    for data in taxonomy.PROJECTS:
        fields = {key: value for key, value in data.items() if key not in ("slug", "regions")}
        project, new = Project.objects.get_or_create(slug=data["slug"], defaults=fields)
        if new:
            project.regions.set(Region.objects.filter(slug__in=data["regions"]))
        created["terms"] += new


def load_documents(created):
    """Return {key: Document}, writing each PDF only when no document has its title."""
    document_model = get_document_model()
    documents = {}
    for data in DOCUMENTS:
        document = document_model.objects.filter(title=data["title"]).first()
        if document is None:
            content = build_pdf(data["title"], data["paragraphs"])
            digest = hashlib.sha1(content).hexdigest()
            document = document_model(title=data["title"], file_size=len(content), file_hash=digest)
            document.file.name = stored_file_name(data["filename"], content, digest)
            document.save()
            created["documents"] += 1
        documents[data["key"]] = document
    return documents


def stored_file_name(filename, content, digest):
    """Name the file by its content, so every test run reuses one file instead of adding one."""
    stem, extension = os.path.splitext(filename)
    name = f"documents/{stem}-{digest[:8]}{extension}"
    if default_storage.exists(name):
        return name
    return default_storage.save(name, ContentFile(content))


# Pages


class PageLoader:
    """Creates the missing pages of the demo site, parents before children."""

    def __init__(self, documents, created):
        self.documents = documents
        self.created = created
        self.new_pages = []
        self.terms = {
            model: {term.slug: term for term in model.objects.all()}
            for model in TERM_FIELDS.values()
        }

    def load_site(self):
        home = self.home_page()
        for data in pages.STANDARD_PAGES:
            self.child(home, StandardPage, data)

        research_index = self.child(home, ResearchIndexPage, pages.RESEARCH_INDEX)
        for data in research.ARTICLES:
            self.child(research_index, ResearchArticlePage, self.research_fields(data))

        case_index = self.child(home, CaseStudyIndexPage, pages.CASE_STUDY_INDEX)
        sections = {
            region.slug: self.region_section(case_index, region) for region in Region.objects.all()
        }
        for data in casestudies.CASE_STUDIES:
            fields = dict(data)
            section = sections[fields.pop("region")]
            self.child(section, CaseStudyPage, self.case_study_fields(fields))

        method_index = self.child(home, MethodIndexPage, pages.METHOD_INDEX)
        for data in methods.METHODS:
            self.child(method_index, MethodPage, self.method_fields(data))

    def home_page(self):
        """The site's root page. On a fresh install it replaces Wagtail's welcome page."""
        home = HomePage.objects.first()
        if home is not None:
            return home
        root = Page.get_first_root_node()
        welcome_pages = list(
            root.get_children().filter(content_type=ContentType.objects.get_for_model(Page))
        )
        home = self.publish(root, HomePage(**pages.HOME))
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        else:
            site.root_page = home
            site.save()
        for page in welcome_pages:
            # Only the untouched welcome page: no children and no site of its own.
            if page.numchild == 0 and not Site.objects.filter(root_page=page).exists():
                page.delete()
        return home

    def region_section(self, case_index, region):
        # Found by region, not slug: each region has one section, whatever its slug now is.
        section = RegionSectionPage.objects.filter(region=region).first()
        if section is None:
            section = self.child(case_index, RegionSectionPage, casestudies.section_fields(region))
        return section

    def child(self, parent, model, fields):
        """The child of `parent` with the slug in `fields`; created and published if missing."""
        existing = parent.get_children().filter(slug=fields["slug"]).first()
        if existing is not None:
            return existing.specific
        return self.publish(parent, self.build(model, fields))

    def publish(self, parent, page):
        page.live = False
        parent.add_child(instance=page)  # validates the page (full_clean) as it saves
        page.save_revision(clean=False).publish()
        self.new_pages.append(page)
        self.created["pages"] += 1
        return page

    def build(self, model, fields):
        """An unsaved page from plain data: slugs become terms, streams get document ids."""
        fields = dict(fields)
        tags = fields.pop("tags", [])
        for name, term_model in TERM_FIELDS.items():
            if name in fields:
                fields[name] = [self.terms[term_model][slug] for slug in fields[name]]
        for name in STREAM_FIELDS:
            if name in fields:
                fields[name] = [self.resolve_documents(block) for block in fields[name]]
        page = model(**fields)
        if tags:
            page.tags.add(*tags)
        return page

    def resolve_documents(self, block):
        if block["type"] != "document":
            return block
        value = dict(block["value"], document=self.documents[block["value"]["document"]].pk)
        return {"type": "document", "value": value}

    def research_fields(self, data):
        fields = dict(data)
        if "pdf" in fields:
            fields["pdf"] = self.documents[fields["pdf"]]
        return fields

    def case_study_fields(self, data):
        fields = dict(data)
        fields["municipality"] = self.terms[Municipality][fields["municipality"]]
        fields["results"] = [CaseStudyResult(**result) for result in fields["results"]]
        return fields

    def method_fields(self, data):
        fields = dict(data)
        related = [related_page(kind, slug) for kind, slug in fields.pop("related", [])]
        fields["related_links"] = [MethodRelatedPage(page=page) for page in related if page]
        return fields


def related_page(kind, slug):
    """A research article or case study by slug; None if an editor has removed it."""
    model = {"research": ResearchArticlePage, "casestudy": CaseStudyPage}[kind]
    return model.objects.filter(slug=slug).first()
