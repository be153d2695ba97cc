"""Create the demo's missing pages from the data files' entries, parents before children.

A page is found by its slug under its parent; only a missing page is built, validated, saved
and published. Category slugs become terms and document keys become documents.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page, Site

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyResult, RegionSectionPage
from methods.models import EvidencePage, MethodIndexPage, MethodPage, MethodRelatedPage
from pluginnovation.audiences.models import AudienceIndexPage, AudiencePage, AudiencePick
from pluginnovation.content.categories import VOCABULARIES
from pluginnovation.content.models import ContentPage
from pluginnovation.home.models import HomePage, StandardPage
from pluginnovation.taxonomy.models import (
    Municipality,
    Region,
)
from research.models import ResearchArticlePage, ResearchIndexPage

from .datafiles import DemoDataError
from .publishing import publish_page

# ContentPage's many-to-many fields, and the vocabulary each one takes slugs from.
TERM_FIELDS = {
    category.field: ContentPage._meta.get_field(category.field).related_model
    for category in VOCABULARIES
}
STREAM_FIELDS = ("body", "steps", "material")


class PageLoader:
    """Creates the missing pages of the demo site, parents before children."""

    def __init__(self, data, documents, created):
        self.data = data
        self.documents = documents
        self.created = created
        self.new_pages = []
        self.terms = {
            model: {term.slug: term for term in model.objects.all()}
            for model in TERM_FIELDS.values()
        }

    def check_terms(self):
        """Every category slug in every file must exist, also for pages that already exist."""
        for entry in self.data.entries():
            fields = entry.fields
            wanted = [
                (TERM_FIELDS[name], slug) for name in TERM_FIELDS for slug in fields.get(name, [])
            ]
            if "municipality" in fields:
                wanted.append((Municipality, fields["municipality"]))
            if "region" in fields:
                wanted.append((Region, fields["region"]))
            for model, slug in wanted:
                if slug not in self.terms[model]:
                    raise DemoDataError(f"{entry.name}: okänd {model._meta.verbose_name} ”{slug}”")

    def load_site(self):
        # The sections first: the page tree's order is the order of the main menu.
        home = self.home_page()
        research_index = self.child(home, ResearchIndexPage, self.data.research_index)
        for entry in self.data.articles:
            self.child(research_index, ResearchArticlePage, entry, self.research_fields)

        case_index = self.child(home, CaseStudyIndexPage, self.data.case_study_index)
        sections = {
            region.slug: self.region_section(case_index, region) for region in Region.objects.all()
        }
        for entry in self.data.case_studies:
            section = sections[entry.fields["region"]]
            self.child(section, CaseStudyPage, entry, self.case_study_fields)

        method_index = self.child(home, MethodIndexPage, self.data.method_index)
        for entry in self.data.methods:
            self.child(method_index, MethodPage, entry, self.method_fields)

        audience_index = self.child(home, AudienceIndexPage, self.data.audience_index)
        for entry in self.data.audiences:
            self.child(audience_index, AudiencePage, entry, self.audience_fields)

        pages = {
            entry.fields["slug"]: self.child(home, StandardPage, entry)
            for entry in self.data.standard_pages
        }
        if "om" in pages:
            self.child(pages["om"], EvidencePage, self.data.evidence_page)

    def home_page(self):
        """The site's root page. On a fresh install it replaces Wagtail's welcome page."""
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if home is not None:
            return home
        root = Page.get_first_root_node()
        welcome_pages = list(
            root.get_children().filter(content_type=ContentType.objects.get_for_model(Page))
        )
        home = self.publish(root, self.build(HomePage, self.data.home.fields), self.data.home)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                site_name=settings.WAGTAIL_SITE_NAME,
                root_page=home,
                is_default_site=True,
            )
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
            intro = self.data.section_intros.get(region.slug, f"Fallstudier från {region.name}.")
            fields = {"slug": region.slug, "title": region.name, "intro": intro, "region": region}
            section = self.publish(case_index, RegionSectionPage(**fields))
        return section

    def child(self, parent, model, entry, prepare=dict):
        """The child of `parent` with the entry's slug; created and published if missing."""
        existing = parent.get_children().filter(slug=entry.fields["slug"]).first()
        if existing is not None:
            return existing.specific
        return self.publish(parent, self.build(model, prepare(entry.fields)), entry)

    def publish(self, parent, page, entry=None):
        publish_page(parent, page, entry, self.created)
        self.new_pages.append(page)
        return page

    def build(self, model, fields):
        """An unsaved page from plain data: slugs become terms, streams get document ids."""
        fields = dict(fields)
        fields.setdefault("show_in_menus", False)
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
        del fields["region"]  # the region section the page is placed in
        fields["municipality"] = self.terms[Municipality][fields["municipality"]]
        fields["results"] = [CaseStudyResult(**result) for result in fields.get("results", [])]
        return fields

    def method_fields(self, data):
        fields = dict(data)
        related = [related_page(kind, slug) for kind, slug in fields.pop("related", [])]
        related = [page for page in related if page]
        fields["related_links"] = [
            MethodRelatedPage(page=page, sort_order=number) for number, page in enumerate(related)
        ]
        return fields

    def audience_fields(self, data):
        fields = dict(data)
        picked = [related_page(kind, slug) for kind, slug in fields.pop("picks", [])]
        picked = [page for page in picked if page]
        # The order is the file's: numbered, as the admin numbers an editor's order.
        fields["picks"] = [
            AudiencePick(page=page, sort_order=number) for number, page in enumerate(picked)
        ]
        return fields


def related_page(kind, slug):
    """A research article, case study or method by slug; None if an editor has removed it."""
    model = {"research": ResearchArticlePage, "casestudy": CaseStudyPage, "method": MethodPage}[
        kind
    ]
    return model.objects.filter(slug=slug).first()
