"""Template helpers for the public site: navigation, breadcrumbs, taxonomy links, file details."""

import re
from urllib.parse import urlencode, urlsplit

from django import template
from django.template import Node
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, gettext_lazy

from pluginnovation.content.categories import CATEGORIES, category_terms
from pluginnovation.content.languages import other_language
from pluginnovation.content.models import ContentIndexPage, ContentPage
from pluginnovation.content.numbers import file_size
from pluginnovation.content.text import swedish_list
from pluginnovation.content.visibility import private_collection_ids
from pluginnovation.discovery import fragments
from pluginnovation.discovery.cache import cached
from pluginnovation.home import cards
from pluginnovation.home.alternates import home_url, switcher_links
from pluginnovation.home.models import HomePage
from pluginnovation.home.navigation import links_for_request
from pluginnovation.home.pagination import pagination as page_links
from pluginnovation.html_format import format_html

register = template.Library()

# The categories the side column lists under their own labels; the success factors come first,
# linked to their own pages.
SIDE_COLUMN_CATEGORIES = [category for category in CATEGORIES if category.field != "factors"]

# The discovery views in the main menu, after the sections from the page tree.
MENU_VIEWS = [
    (gettext_lazy("Framgångsfaktorer"), "factor_list"),
    (gettext_lazy("Resultat"), "results"),
    (gettext_lazy("Utforska"), "explore"),
]


@register.simple_tag(takes_context=True)
def primary_navigation_links(context):
    """The main menu's (label, url) pairs: the sections from the page tree, then the views."""
    pages = links_for_request(context.get("request"))["menu"]
    return pages + [(label, reverse(name)) for label, name in MENU_VIEWS]


@register.inclusion_tag("includes/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    """The main menu; the section the visitor is in is marked for sight and screen readers."""
    request = context.get("request")
    path = request.path if request else ""
    links = primary_navigation_links(context)
    items = []
    for label, url in links:
        if path == url:
            current = "page"
        elif url and path.startswith(url):
            current = "true"
        else:
            current = ""
        items.append({"label": label, "url": url, "current": current})
    return {"menu_items": items}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link to this page in the other language, or to that language's home page."""
    return {"links": switcher_links(context.get("page"), context.get("request"))}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    """The footer setting's page links and text, and the site-wide feed."""
    links = links_for_request(context.get("request"))
    return {"links": links["footer"], "owner_text": links["footer_text"]}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def page_breadcrumbs(context, page):
    """Hem › ancestors › this page, for Wagtail pages. Empty on the home page itself.
    An ancestor that is not live is left out: its title is not public (Wagtail lets a page be
    published below an unpublished section)."""
    request = context.get("request")
    ancestors = ancestors_below_root(page)
    if page.depth <= 2 or not ancestors:
        return {"crumbs": [], "current": ""}
    crumbs = [{"label": gettext("Hem"), "url": ancestors[0].get_url(request) or "/"}]
    crumbs += [{"label": p.title, "url": p.get_url(request)} for p in ancestors[1:] if p.live]
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
    crumbs = [{"label": gettext("Hem"), "url": home_url(get_language())}]
    levels = zip(pairs[::2], pairs[1::2], strict=False)  # a label without a URL is dropped
    crumbs += [{"label": label, "url": url} for label, url in levels]
    return {"crumbs": crumbs, "current": current}


register.simple_tag(cards.factor_url)
register.simple_tag(cards.card_factors)
register.simple_tag(takes_context=True)(cards.content_card)
register.simple_tag(takes_context=True)(cards.search_hit)
register.simple_tag(cards.language_note)


@register.simple_tag
def explore_url(param, term):
    """The explore view filtered on one term: explore_url "kommun" page.municipality."""
    return f"{reverse('explore')}?{urlencode({param: term.slug})}"


@register.simple_tag(takes_context=True)
def page_terms(context, page):
    """The page's terms per category ({field: [terms]}), read once per request and cached
    until the content changes: building the query costs more than running it. A preview
    shows the editor's unsaved categories, so it is never cached."""
    if not hasattr(page, "_category_terms"):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            page._category_terms = category_terms(page)
        else:
            page._category_terms = cached(
                request, "page-terms", page.pk, lambda: category_terms(page)
            )
    return page._category_terms


@register.simple_tag(takes_context=True)
def facet_groups(context, page):
    """Every non-empty category of a page but its success factors (shown on their own), each
    term linked to the explore view filtered on it."""
    terms = page_terms(context, page)
    groups = []
    for category in SIDE_COLUMN_CATEGORIES:
        if terms[category.field]:
            links = [
                {"name": t.name, "url": explore_url(category.param, t)}
                for t in terms[category.field]
            ]
            groups.append({"label": category.label, "links": links})
    return groups


@register.simple_tag(takes_context=True)
def pagination(context, items, anchor=""):
    """{% pagination items anchor %}: the page links of a listing (pluginnovation/home/
    pagination.py), keeping what a faceted listing applies (its `page_query`), else the
    address's parameters; each leads to the element with the id `anchor`, if any."""
    return page_links(context.get("request"), items, context.get("page_query"), anchor)


# Names as a Swedish list: "a", "a och b", "a, b och c".
register.filter("swedish_list", swedish_list)


@register.filter
def document_details(document):
    """Format and size of a document for its download link, e.g. "PDF, 12 kB"."""
    if not document:
        return ""
    parts = [document.file_extension.upper(), file_size(document.get_file_size())]
    return ", ".join(part for part in parts if part)


@register.simple_tag(takes_context=True)
def public_document(context, document):
    """The document if anyone may download it, else None: a document in a private collection
    is never named or linked on a public page."""
    return in_public_collection(context, document)


@register.simple_tag(takes_context=True)
def public_blocks(context, stream):
    """The document blocks of a stream (a method's material) whose document anyone may
    download, so a list of only private ones is left out, heading and all."""
    return [block for block in stream if in_public_collection(context, block.value["document"])]


@register.simple_tag(takes_context=True)
def public_image(context, image):
    """The image if it is in no private collection, else None. Wagtail has no privacy for
    images (anyone with a rendition's address gets it), so an image an editor keeps in a
    private collection is left off public pages instead."""
    return in_public_collection(context, image)


def in_public_collection(context, item):
    """A document or image (item), or None where it sits in a private collection. The private
    collections are read once per request (one query, only on pages that show such a file)."""
    if not item:
        return None
    request = context.get("request")
    private = getattr(request, "_private_collections", None)
    if private is None:
        private = private_collection_ids()
        if request is not None:
            request._private_collections = private
    return None if item.collection_id in private else item


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


register.filter(cards.page_kind)


@register.filter
def without_pages(pages, others):
    """The pages that are not among `others`, so a page is never listed twice on one screen."""
    shown = {page.pk for page in others or []}
    return [page for page in pages or [] if page.pk not in shown]


@register.filter
def foreign_language(page):
    """The page's language code when it differs from the language shown ("sv" for a Swedish
    page among English ones), else "": for lang="…" and the "In Swedish" marker."""
    return other_language(page)


@register.filter
def marked_language(text, lang):
    """{{ text|marked_language:lang }}: text in a span with lang="…" when lang (a code from
    foreign_language) is given, else as is; as a filter, since a table row has several."""
    if lang and text:
        return format_html('<span lang="{}">{}</span>', lang, text)
    return text


# The Wagtail page types whose body is the same for every visitor; views say so in their
# context (shared_body). Forms with a CSRF token, and pages about one visitor (Min samling,
# the self-assessment), are neither.
SHARED_PAGE_TYPES = (HomePage, ContentPage, ContentIndexPage)


class SharedBodyNode(Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        page = context.get("page")
        wanted = context.get("shared_body") or isinstance(page, SHARED_PAGE_TYPES)
        if not (wanted and fragments.shareable(request, page)):
            return self.nodelist.render(context)
        html = fragments.get(request, "body")
        if html is None:
            html = self.nodelist.render(context)
            fragments.put(request, "body", html)
        return mark_safe(html)  # rendered by this template, escaped there


@register.tag
def shared_body(parser, token):
    """{% shared_body %}…{% endshared_body %}: the page's body, rendered once per address,
    language and content version for every visitor of a page type or view that shares it
    (pluginnovation.discovery.fragments says when it may not be shared)."""
    nodelist = parser.parse(("endshared_body",))
    parser.delete_first_token()
    return SharedBodyNode(nodelist)
