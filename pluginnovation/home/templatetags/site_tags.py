"""Template helpers for the public site: navigation, breadcrumbs, taxonomy links, file details."""

import re
from collections import namedtuple
from urllib.parse import urlencode, urlsplit

from django import template
from django.db.models import QuerySet, Value, Window
from django.db.models.functions import RowNumber
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

# The primary navigation: fixed sections, so it never needs the database.
NAV_ITEMS = [
    ("Forskning", "/forskning/"),
    ("Fallstudier", "/fallstudier/"),
    ("Metoder", "/metoder/"),
    ("Framgångsfaktorer", "/framgangsfaktorer/"),
    ("Utforska", "/utforska/"),
    ("Om", "/om/"),
]

# What the side column shows of a category: its name, and its slug for the link.
FacetTerm = namedtuple("FacetTerm", ["name", "slug"])

FACTOR_URL = "/framgangsfaktorer/{slug}/"
EXPLORE_URL = "/utforska/"

# The facets a content page is filed under, besides its success factors:
# (field on ContentPage, query parameter of the explore view, label).
FACETS = [
    ("projects", "projekt", "Projekt"),
    ("regions", "region", "Region"),
    ("municipalities", "kommun", "Kommun"),
    ("target_groups", "malgrupp", "Målgrupp"),
    ("levels", "niva", "Nivå"),
    ("intervention_types", "insatstyp", "Insatstyp"),
    ("tags", "tagg", "Nyckelord"),
]


@register.inclusion_tag("includes/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    """The main menu; the section the visitor is in is marked for sight and screen readers."""
    request = context.get("request")
    path = request.path if request else ""
    items = []
    for label, url in NAV_ITEMS:
        if path == url:
            current = "page"
        elif path.startswith(url):
            current = "true"
        else:
            current = ""
        items.append({"label": label, "url": url, "current": current})
    return {"items": items}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def page_breadcrumbs(context, page):
    """Hem › ancestors › this page, for Wagtail pages. Empty on the home page itself."""
    request = context.get("request")
    ancestors = ancestors_below_root(page)
    if page.depth <= 2 or not ancestors:
        return {"crumbs": [], "current": ""}
    crumbs = [{"label": "Hem", "url": ancestors[0].get_url(request) or "/"}]
    crumbs += [{"label": p.title, "url": p.get_url(request)} for p in ancestors[1:]]
    return {"crumbs": crumbs, "current": page.title}


def ancestors_below_root(page):
    """The page's ancestors from the home page down, without the tree's root.

    Walked up parent by parent: Wagtail's routing leaves each page it passed on its child
    (treebeard's cached parent), so for the page being served this costs no query. A page
    reached otherwise (a preview) costs one query per level, at most three here.
    """
    ancestors = []
    while page.depth > 2:
        page = page.get_parent()
        ancestors.insert(0, page)
    return ancestors


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(*trail):
    """Breadcrumbs for views that are not Wagtail pages.

    Pass label/URL pairs for the levels between Hem and the current page, then the current
    page's label: {% breadcrumbs "Framgångsfaktorer" "/framgangsfaktorer/" factor.name %}.
    """
    *pairs, current = trail or ("",)
    crumbs = [{"label": "Hem", "url": "/"}]
    levels = zip(pairs[::2], pairs[1::2], strict=False)  # a label without a URL is dropped
    crumbs += [{"label": label, "url": url} for label, url in levels]
    return {"crumbs": crumbs, "current": current}


@register.simple_tag
def factor_url(factor):
    return FACTOR_URL.format(slug=factor.slug)


@register.simple_tag
def explore_url(param, term):
    """The explore view filtered on one term: explore_url "kommun" page.municipality."""
    return f"{EXPLORE_URL}?{urlencode({param: term.slug})}"


@register.simple_tag(takes_context=True)
def facet_groups(context, page):
    """Every non-empty facet of a page, each term linked to the explore view filtered on it."""
    groups = []
    for (_field, param, label), terms in zip(
        FACETS, cached_facet_terms(context, page), strict=True
    ):
        if terms:
            links = [{"name": term.name, "url": explore_url(param, term)} for term in terms]
            groups.append({"label": label, "links": links})
    return groups


def cached_facet_terms(context, page):
    """facet_terms, cached until the content changes: building its query costs more than
    running it. A preview shows the editor's unsaved categories, so it is never cached."""
    # Imported here: the search app's models import this app's.
    from pluginnovation.search.cache import cached

    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return facet_terms(page)
    return cached(request, "page-terms", page.pk, lambda: facet_terms(page))


def facet_terms(page):
    """The page's terms of each of FACETS, in each vocabulary's own order.

    One query for all of them (a UNION ALL of one SELECT per facet) instead of one per facet:
    the side column of every detail page shows them. A page being previewed holds its
    categories in memory, not as querysets; those are simply listed.
    """
    terms = [getattr(page, field).all() for field, _param, _label in FACETS]
    if not all(isinstance(qs, QuerySet) for qs in terms):
        return [list(qs) for qs in terms]
    parts = [
        # Each part is numbered in its model's ordering (a UNION cannot order its parts).
        qs.order_by()
        .annotate(
            facet=Value(index),
            position=Window(RowNumber(), order_by=qs.query.order_by or qs.model._meta.ordering),
        )
        .values_list("facet", "position", "name", "slug")
        for index, qs in enumerate(terms)
    ]
    rows = parts[0].union(*parts[1:], all=True).order_by("facet", "position")
    by_facet = [[] for _ in FACETS]
    for index, _position, name, slug in rows:
        by_facet[index].append(FacetTerm(name, slug))
    return by_facet


@register.simple_tag
def elided_page_range(items):
    """Page numbers with gaps for long listings: 1 … 4 5 [6] 7 8 … 20."""
    return items.paginator.get_elided_page_range(items.number, on_each_side=2, on_ends=1)


@register.filter
def file_size(num_bytes):
    """A file size as Swedes write it: "12 kB", "1,4 MB"."""
    if not num_bytes:
        return ""
    if num_bytes < 1024 * 1024:
        return f"{max(1, round(num_bytes / 1024))} kB"
    # Rounded first: number_format cuts off extra decimals rather than rounding them.
    return f"{number_format(round(num_bytes / (1024 * 1024), 1), 1)} MB"


@register.filter
def document_details(document):
    """Format and size of a document for its download link, e.g. "PDF, 12 kB"."""
    if not document:
        return ""
    parts = [document.file_extension.upper(), file_size(document.get_file_size())]
    return ", ".join(part for part in parts if part)


@register.filter
def hostname(url):
    """The site a link leads to, shown next to external links: "skolverket.se"."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


IFRAME_TITLE = re.compile(r'(<iframe\b[^>]*?)\s+title="[^"]*"', re.IGNORECASE)


@register.filter
def with_frame_title(embed_html, title):
    """Give an embedded player the editor's title, so screen readers announce the film."""
    # The embed HTML comes from Wagtail's oEmbed finder, which Wagtail itself marks safe.
    html = IFRAME_TITLE.sub(r"\1", str(embed_html or ""))
    return mark_safe(html.replace("<iframe", f'<iframe title="{escape(title or "")}"', 1))


@register.filter
def page_kind(page):
    """A short name for a page's type, for CSS classes: "researcharticle", "casestudy", "method"."""
    model = getattr(page, "specific_class", None) or type(page)
    return model._meta.model_name.removesuffix("page")


@register.filter
def without_pages(pages, others):
    """The pages that are not among `others`, so a page is never listed twice on one screen."""
    shown = {page.pk for page in others or []}
    return [page for page in pages or [] if page.pk not in shown]
