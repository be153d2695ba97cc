"""Template helpers for the listings, related content and the filter form.

The content pages' templates ask for their listings and related pages here, so the content
models need not know how content is found (pluginnovation.discovery builds on them).
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from casestudies.similar import similar_case_studies as casestudies_similar
from methods.models import evidence_pages
from pluginnovation.content.models import ContentIndexPage, ContentPage
from pluginnovation.discovery.cache import cached
from pluginnovation.discovery.facets import PARAMS
from pluginnovation.discovery.listing import (
    applies_filters,
    listing_context,
    pages_below,
    requested_page_number,
)
from pluginnovation.discovery.related import related_and_shown
from pluginnovation.html_format import conditional_escape

register = template.Library()

OPTION = (
    '<li class="facet__option{empty}">'
    '<input type="checkbox" id="f-{param}-{value}" name="{param}" value="{value}"{checked}>'
    '<label for="f-{param}-{value}">{name} <span class="facet__count">({count})</span></label></li>'
)


@register.inclusion_tag("search/includes/listing.html", takes_context=True)
def page_listing(context, page):
    """The faceted listing of the content pages below an index page or region section."""
    return {"request": context["request"], **listing_below(context["request"], page)}


def listing_below(request, page):
    """page_listing's listing, worked out once per request: the title asks for it too."""
    kept = request.__dict__.setdefault("_listings_below", {})
    if page.pk not in kept:
        kept[page.pk] = listing_context(
            request,
            pages_below(page),
            scope_key=("below", page.pk),
            hidden=page.hidden_facets(),
            types=listed_types(type(page)),
        )
    return kept[page.pk]


def shown_page_number(context):
    """The number of the page of results shown where the address asks for a later one; None
    on a first page and where there are no results at all. Past the end a listing shows its
    last page (listing.page_number): that number is the one named, in the title and in the
    canonical address alike. Views put their listing's `items` in the context (None for no
    results); an index page's listing is worked out here, once per request (listing_below)."""
    request = context.get("request")
    number = requested_page_number(request.GET.get("sida")) if request else None
    if number is None or number <= 1:
        return None
    if "items" in context:
        items = context["items"]
    elif isinstance(context.get("page"), ContentIndexPage):
        items = listing_below(request, context["page"])["items"]
    else:
        return number  # a list paged its own way (past events)
    if items is None:
        return None
    shown = getattr(items, "number", number)
    return shown if shown > 1 else None


def listing_filtered(context):
    """Whether the listing shown applies a filter: what the listing says where the view has
    worked it out, else what the address asks for, without the values a listing ignores."""
    request = context["request"]
    if not has_filters(request.GET):
        return False
    if "has_filters" in context:
        return context["has_filters"]
    return applies_filters(request)


@register.simple_tag(takes_context=True)
def listing_title_suffix(context):
    """In a listing's title: " (filtrerat)" when filters are asked for, ", sida 2" past the
    first page; so each page of results has a title of its own (a screen reader's first words
    after following a link, a tab's name). The title is written before the body, which may
    come from the cache: the views work the listing out when a later page is asked for."""
    request = context.get("request")
    if request is None:
        return ""
    suffix = ""
    if listing_filtered(context):
        suffix += " (" + gettext("filtrerat") + ")"
    number = shown_page_number(context)
    if number is not None:
        suffix += ", " + gettext("sida %(number)s") % {"number": number}
    return suffix


def listed_types(index_model):
    """The content types an index lists: its subpage types, through index pages below it (the
    case-study index lists the case studies of its region sections)."""
    found, todo, seen = [], [index_model], set()
    while todo:
        model = todo.pop()
        for child in model.allowed_subpage_models():
            if issubclass(child, ContentPage) and child not in found:
                found.append(child)
            elif issubclass(child, ContentIndexPage) and child not in seen:
                seen.add(child)
                todo.append(child)
    return found


@register.simple_tag(takes_context=True)
def related_content(context, page):
    """Up to five related live, public pages. The page's own cards (a method's evidence) are
    read with them and handed to the page, which shows them further down."""
    related, shown = related_and_shown(page, context.get("request"))
    page.keep_cards_shown(shown)
    return related


@register.simple_tag(takes_context=True)
def evidence_address(context):
    """The address of the explanation of evidence (/om/evidens/) in the language shown, or
    "": looked up once per content version and language."""
    request = context.get("request")
    found = cached(request, "evidence-page", get_language(), evidence_pages)
    return found[0].get_url(request) if found else ""


@register.simple_tag(takes_context=True)
def similar_case_studies(context, page):
    """Schools like this case study's (casestudies.similar): one query at any amount of content,
    read once per content version. A preview's are its unsaved values': read each time."""
    request = context.get("request")
    if getattr(request, "is_preview", False):
        return casestudies_similar(page)
    return cached(request, "similar", page.pk, lambda: casestudies_similar(page))


@register.filter
def has_filters(query_dict):
    """Whether a request filters a listing (such pages are not for search engines)."""
    return any(query_dict.get(param) for param in PARAMS)


@register.simple_tag
def facet_options(group):
    """The checkboxes of one facet. Built here rather than in a template loop: a listing has
    about a hundred options, and the loop took a fifth of the page's rendering time."""
    # Each value escaped once, though the option names it three times.
    param = conditional_escape(group.facet.param)
    options = []
    for option in group.options:
        name = conditional_escape(option.name)
        lang = option.lang
        options.append(
            OPTION.format(
                empty=" facet__option--empty" if option.empty else "",
                param=param,
                value=conditional_escape(option.value),
                checked=" checked" if option.selected else "",
                name=f'<span lang="{lang}">{name}</span>' if lang else name,
                count=conditional_escape(option.count),
            )
        )
    return mark_safe(f'<ul class="facet__options">{"".join(options)}</ul>')
