"""The rows of every download, read from the database in a fixed number of queries.

Only what a visitor may see: live pages that no view restriction covers (content.visibility),
in their published version (the page rows; unpublished changes live in revisions), and
documents outside private collections. Each reader returns a list of dicts keyed by the
column names of pluginnovation.opendata.catalogue; lists are multi-valued cells.

Queries: one per page type, one per category for the taxonomy links of all content pages, one
for the public documents, plus a few small ones; none per page (tests/test_open_data.py).
"""

from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.http import RFC3986_SUBDELIMS

from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Site

from casestudies.models import CaseStudyPage, CaseStudyResult, Direction
from methods.models import MethodPage, MethodRelatedPage
from pluginnovation.content.categories import CATEGORIES
from pluginnovation.content.models import NEWEST_FIRST, ContentPage, PageTag
from pluginnovation.content.visibility import (
    restricted,
    restricted_collection,
    shown_terms,
    visible,
)
from pluginnovation.news.models import EventPage, NewsPage
from pluginnovation.opendata.plaintext import body_text, html_text, raw_blocks, steps_text
from pluginnovation.projects.models import ProjectPage
from pluginnovation.taxonomy.models import (
    InterventionType,
    Level,
    Municipality,
    Project,
    Region,
    SuccessFactor,
    TargetGroup,
)
from research.models import ResearchArticlePage

# What Django's reverse() leaves unquoted in a path (django.urls.resolvers).
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"


def date(value):
    return value.isoformat() if value else None


def moment(value):
    """A time in the site's time zone with its offset: "2024-03-01T09:30:00+01:00"."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def number(value):
    """Decimals as numbers (12.5, 3); JSON has no decimal type."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


@dataclass
class Reading:
    """What every reader shares: the site's address, the public documents and the taxonomy
    links of the content pages, each read once."""

    base_url: str = field(default_factory=lambda: settings.WAGTAILADMIN_BASE_URL.rstrip("/"))

    @cached_property
    def site_roots(self):
        """(tree path, address) of every site's root page in every language, in Wagtail's
        order: the default site's address is the site's public address (WAGTAILADMIN_BASE_URL,
        as in the e-mails), and a language other than Swedish adds its prefix (/en/)."""
        default = Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()
        roots = []
        for site_id, root_path, root_url, language in Site.get_site_root_paths():
            base = self.base_url if site_id == default else root_url.rstrip("/")
            with translation.override(language):
                roots.append((root_path, base + reverse("wagtail_serve", args=("",))))
        return roots

    def url(self, url_path):
        """The absolute address of the page at `url_path`, as Wagtail's get_url_parts() makes
        it but without its work per page (the export makes ten thousand); None for a page no
        site serves."""
        for root_path, address in self.site_roots:
            if url_path.startswith(root_path):
                return address + quote(url_path[len(root_path) :], safe=URL_SAFE)
        return None

    def absolute(self, path):
        return self.base_url + path

    @cached_property
    def documents(self):
        """{id: document} of every document anyone may download: one query."""
        documents = get_document_model().objects.exclude(restricted_collection())
        return {document.pk: document for document in documents.order_by("pk")}

    def document_url(self, document_id):
        """The address of a document anyone may download, else None."""
        document = self.documents.get(document_id)
        return self.absolute(document.url) if document else None

    @cached_property
    def terms(self):
        """{field: {page id: [slug, …]}} for every category of the visible content pages, each
        page's terms in their vocabulary's order: one query per category."""
        pages = visible(ContentPage.objects.all()).values("pk")
        found = {}
        for category in CATEGORIES:
            links = {}
            if category.field == "tags":
                rows = (
                    PageTag.objects.filter(content_object__in=pages)
                    .order_by("tag__name", "tag__pk")
                    .values_list("content_object_id", "tag__slug")
                )
            else:
                m2m = ContentPage._meta.get_field(category.field)
                source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
                ordering = [f"{target}__{name}" for name in m2m.related_model._meta.ordering]
                rows = (
                    m2m.remote_field.through.objects.filter(**{f"{source}__in": pages})
                    .order_by(*ordering, f"{target}__pk")
                    .values_list(f"{source}_id", f"{target}__slug")
                )
            for page_id, slug in rows:
                links.setdefault(page_id, []).append(slug)
            found[category.field] = links
        return found


def labels(model, field):
    """{stored value: label} of a field's choices, in the language active (Swedish here)."""
    return {value: str(label) for value, label in model._meta.get_field(field).flatchoices}


# Read as values, not model instances: a page instance (with modelcluster's set-up) costs
# several times what its row does, and the export reads every page.
PAGE_VALUES = (
    "pk",
    "title",
    "url_path",
    "published_date",
    "last_reviewed",
    "first_published_at",
    "last_published_at",
    "summary",
    "body",
)


def content_rows(reading, model, values, own, pages=None):
    """Rows of the visible pages of a content type, newest first: the shared columns, then
    the type's own (own(page) from the page's `values`), then the body."""
    if pages is None:
        pages = visible(model.objects.all())
    pages = pages.order_by(*NEWEST_FIRST).values(*PAGE_VALUES, *values)
    rows = []
    # In chunks: a server-side cursor on PostgreSQL, so the bodies are not all held twice.
    for page in pages.iterator(chunk_size=500):
        url = reading.url(page["url_path"])
        if url is None:
            continue
        row = {
            "id": page["pk"],
            "title": page["title"],
            "url": url,
            "published_date": date(page["published_date"]),
            "last_reviewed": date(page["last_reviewed"]),
            "first_published_at": moment(page["first_published_at"]),
            "last_published_at": moment(page["last_published_at"]),
            "summary": page["summary"],
        }
        for category in CATEGORIES:
            row[category.field] = reading.terms[category.field].get(page["pk"], [])
        row.update(own(page))
        row["body"] = body_text(page["body"])
        rows.append(row)
    return rows


def research(reading):
    model = ResearchArticlePage
    types, designs = labels(model, "publication_type"), labels(model, "study_design")

    def own(page):
        return {
            "authors": page["authors"],
            "year": page["year"],
            "publisher": page["publisher"],
            "publication_type": page["publication_type"] or None,
            "publication_type_label": types.get(page["publication_type"]),
            "study_design": page["study_design"] or None,
            "study_design_label": designs.get(page["study_design"]),
            "link": page["link"] or None,
            "doi": page["doi"] or None,
            "pdf_url": reading.document_url(page["pdf_id"]),
            "key_findings": html_text(page["key_findings"]),
        }

    values = ("authors", "year", "publisher", "publication_type", "study_design", "link", "doi")
    return content_rows(reading, model, (*values, "pdf_id", "key_findings"), own)


def visible_case_studies():
    return visible(CaseStudyPage.objects.all())


def case_studies(reading):
    forms = labels(CaseStudyPage, "school_form")

    def own(page):
        return {
            "organisation": page["organisation"],
            "municipality": page["municipality__slug"],
            "municipality_code": page["municipality__code"],
            "school_form": page["school_form"] or None,
            "school_form_label": forms.get(page["school_form"]),
            "period": page["period"],
            "what_was_done": html_text(page["what_was_done"]),
            "lessons_learned": html_text(page["lessons_learned"]),
        }

    values = ("organisation", "municipality__slug", "municipality__code", "school_form")
    values += ("period", "what_was_done", "lessons_learned")
    return content_rows(reading, CaseStudyPage, values, own, pages=visible_case_studies())


def methods(reading):
    model = MethodPage
    bases, levels = labels(model, "knowledge_basis"), labels(model, "evidence_level")
    # The linked research and case studies a visitor may see: one query for all methods.
    links = (
        MethodRelatedPage.objects.filter(
            page_owner__in=visible(model.objects.all()).values("pk"), page__live=True
        )
        .exclude(restricted("page__path"))
        .order_by("page_owner_id", "sort_order", "pk")
        .values_list("page_owner_id", "page_id")
    )
    related = {}
    for owner, page_id in links:
        related.setdefault(owner, []).append(page_id)

    def own(page):
        material = [
            reading.document_url((block.get("value") or {}).get("document"))
            for block in raw_blocks(page["material"])
            if block.get("type") == "document"
        ]
        return {
            "knowledge_basis": page["knowledge_basis"] or None,
            "knowledge_basis_label": bases.get(page["knowledge_basis"]),
            "evidence_level": page["evidence_level"],
            "evidence_level_label": levels.get(page["evidence_level"]),
            "staff_hours_per_week": number(page["staff_hours_per_week"]),
            "one_off_cost": page["one_off_cost"],
            "weeks_to_start": page["weeks_to_start"],
            "purpose": page["purpose"],
            "audience": page["audience"],
            "steps": steps_text(page["steps"]),
            "time_and_resources": page["time_and_resources"],
            "material_urls": [url for url in material if url],
            "related_page_ids": related.get(page["pk"], []),
        }

    values = ("knowledge_basis", "evidence_level", "staff_hours_per_week", "one_off_cost")
    values += ("weeks_to_start", "purpose", "audience", "steps", "time_and_resources", "material")
    return content_rows(reading, model, values, own)


def results(reading):
    """One row per measured result or figure about the work (kind) of the visible case
    studies, in the case studies' order. The direction and change are the model's own, as the
    case study's page shows them."""
    case_studies = (
        visible_case_studies()
        .order_by(*NEWEST_FIRST)
        .values_list("pk", "title", "url_path", "municipality__slug", "municipality__code")
    )
    rows = CaseStudyResult.objects.filter(page__in=visible_case_studies().values("pk"))
    grouped = {}
    for result in rows.order_by("page_id", "sort_order", "pk"):
        grouped.setdefault(result.page_id, []).append(result)
    indicators = labels(CaseStudyResult, "indicator")
    found = []
    for page_id, title, url_path, municipality, code in case_studies:
        url = reading.url(url_path)
        if url is None:
            continue
        for result in grouped.get(page_id, []):
            change = result.change
            found.append(
                {
                    "result_id": result.pk,
                    "case_study_id": page_id,
                    "case_study_title": title,
                    "case_study_url": url,
                    "municipality": municipality,
                    "municipality_code": code,
                    "regions": reading.terms["regions"].get(page_id, []),
                    "indicator": result.indicator,
                    "indicator_label": indicators.get(result.indicator, result.indicator),
                    "description": result.description,
                    "value_before": number(result.value_before),
                    "value_after": number(result.value_after),
                    "unit": result.unit,
                    "change": number(change),
                    "change_unit": result.change_unit if change is not None else None,
                    "better": result.better or None,
                    "direction": result.direction,
                    "direction_label": str(Direction(result.direction).label),
                    "students": result.students,
                    "period": result.period,
                    "source": result.source,
                    "kind": result.kind,
                }
            )
    return found


def page_rows(reading, pages, own):
    """Rows of the news, event and project pages that have an address: the shared columns and
    the type's own, own(page)."""
    rows = []
    for page in pages:
        url = reading.url(page.url_path)
        if url is None:
            continue
        rows.append(
            {
                "id": page.pk,
                "title": page.title,
                "url": url,
                "first_published_at": moment(page.first_published_at),
                "last_published_at": moment(page.last_published_at),
                **own(page),
            }
        )
    return rows


def news(reading):
    pages = (
        visible(NewsPage.objects.all())
        .order_by("-date", "-pk")
        .prefetch_related("factors", "projects")
    )
    return page_rows(
        reading,
        pages,
        lambda page: {
            "date": date(page.date),
            "summary": page.summary,
            "factors": [term.slug for term in page.factors.all()],
            "projects": [term.slug for term in page.projects.all()],
            "body": body_text(page.body),
        },
    )


def programme_text(stream):
    lines = []
    for block in raw_blocks(stream):
        value = block.get("value") or {}
        time = (value.get("time") or "")[:5].replace(":", ".")
        who = value.get("who", "").strip()
        line = " ".join(part for part in (time, value.get("item", "").strip()) if part)
        lines.append(f"{line} ({who})" if who else line)
    return "\n".join(lines)


def presentations(reading, stream):
    """Recordings and the slides anyone may download, as "Title (speaker): address"."""
    found = []
    for block in raw_blocks(stream):
        value = block.get("value") or {}
        if block.get("type") == "slides":
            url = reading.document_url(value.get("document"))
        elif block.get("type") == "recording":
            url = value.get("url") or None
        else:
            url = None
        if url:
            speaker = value.get("speaker", "").strip()
            title = value.get("title", "").strip() + (f" ({speaker})" if speaker else "")
            found.append(f"{title}: {url}")
    return found


def events(reading):
    pages = visible(EventPage.objects.all()).order_by("-start", "-pk")
    return page_rows(
        reading,
        pages,
        lambda page: {
            "start": moment(page.start),
            "end": moment(page.end),
            "place": page.place,
            "organiser": page.organiser or None,
            "summary": page.summary,
            "programme": programme_text(page.programme),
            "registration_url": page.registration_url or None,
            "report": html_text(page.report),
            "presentations": presentations(reading, page.presentations),
        },
    )


def funding_text(stream):
    lines = []
    for block in raw_blocks(stream):
        value = block.get("value") or {}
        source = value.get("source", "").strip()
        line = f"{value.get('funder', '').strip()}: {value.get('amount', '').strip()}"
        lines.append(f"{line} (källa: {source})" if source else line)
    return "\n".join(lines)


def report_urls(reading, stream):
    """The addresses of a project's reports that anyone may download."""
    urls = []
    for block in raw_blocks(stream):
        value = block.get("value") or {}
        document_url = reading.document_url(value.get("document"))
        if block.get("type") == "report" and document_url:
            urls.append(document_url)
    return urls


def projects(reading):
    pages = (
        visible(ProjectPage.objects.all())
        .select_related("project")
        .prefetch_related("project__regions")
        .order_by("project__start_year", "project__end_year", "project__name", "pk")
    )
    return page_rows(
        reading,
        pages,
        lambda page: {
            "project": page.project.slug,
            "start_year": page.project.start_year,
            "end_year": page.project.end_year,
            "owner": page.project.owner,
            "funding": page.project.funding or None,
            "description": page.project.description,
            "regions": [region.slug for region in page.project.regions.all()],
            "partners": page.partners,
            "funding_amounts": funding_text(page.funding_amounts),
            "goals": html_text(page.goals),
            "what_was_done": html_text(page.what_was_done),
            "report_urls": report_urls(reading, page.reports),
        },
    )


def taxonomy(reading):
    """Every term of every vocabulary, one row each; keywords only where a visible page uses
    them (a keyword of a draft would tell what the draft is about)."""
    rows = []

    def add(vocabulary, term, **extra):
        rows.append(
            {
                "vocabulary": vocabulary,
                "slug": term.slug,
                "name": term.name,
                "sort_order": getattr(term, "sort_order", None),
                **extra,
            }
        )

    for factor in SuccessFactor.objects.all():
        add(
            "factors",
            factor,
            name_en=factor.name_en or None,
            description=factor.definition,
        )
    for project in shown_terms(Project).prefetch_related("regions"):
        add(
            "projects",
            project,
            description=project.description or None,
            start_year=project.start_year,
            end_year=project.end_year,
            owner=project.owner,
            funding=project.funding or None,
            regions=[region.slug for region in project.regions.all()],
        )
    for region in Region.objects.all():
        add("regions", region)
    for municipality in Municipality.objects.select_related("region"):
        county = municipality.county
        add(
            "municipalities",
            municipality,
            regions=[municipality.region.slug],
            municipality_code=municipality.code,
            county=county.name if county else None,
            kommungrupp=municipality.kommungrupp or None,
        )
    for vocabulary, model in (
        ("target_groups", TargetGroup),
        ("levels", Level),
        ("intervention_types", InterventionType),
    ):
        for term in model.objects.all():
            add(vocabulary, term, name_en=term.name_en or None)
    used = PageTag.objects.filter(
        content_object__in=visible(ContentPage.objects.all()).values("pk")
    )
    tags = Tag.objects.filter(pk__in=used.values("tag_id")).order_by("name", "pk")
    for tag in tags:
        add("tags", tag)
    return rows


def documents(reading):
    rows = []
    for document in reading.documents.values():
        rows.append(
            {
                "id": document.pk,
                "title": document.title,
                "url": reading.absolute(document.url),
                "file_extension": document.file_extension.lower() or None,
                "file_size": document.file_size,
                "created_at": moment(document.created_at),
            }
        )
    return rows
