"""Tags for the <head>: meta description, canonical link, Open Graph, feeds and JSON-LD."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, gettext_lazy

from pluginnovation.content.models import ContentPage
from pluginnovation.home.alternates import alternates_for
from pluginnovation.home.templatetags.site_tags import page_terms
from pluginnovation.search.templatetags.discovery_tags import shown_page_number
from pluginnovation.seo.structured_data import absolute_url, structured_data, to_script_json
from pluginnovation.taxonomy.models import SuccessFactor

register = template.Library()

DESCRIPTION_LENGTH = 200
SITE_DESCRIPTION = gettext_lazy(
    "PlugInnovation är Göteborgsregionens kunskapsbank om att förebygga studieavbrott: "
    "forskning, fallstudier och metoder för att fler unga ska fullfölja gymnasiet."
)


def page_description(page):
    text = (
        getattr(page, "search_description", "")
        or getattr(page, "summary", "")
        or getattr(page, "intro", "")
    )
    return text or SITE_DESCRIPTION


def feeds(factor):
    """The RSS feeds a page offers: the whole site's, and on a factor's page that factor's."""
    links = [{"title": gettext("Nytt i kunskapsbanken"), "url": reverse("feed")}]
    if factor is not None:
        links.append(
            {
                "title": gettext("Nytt om %(name)s") % {"name": factor.local_name},
                "url": reverse("factor_feed", kwargs={"slug": factor.slug}),
            }
        )
    return links


def listing_page_query(context):
    """Later pages of a listing are pages of their own, named as shown (past the end, the
    last); filters and odd values are not."""
    number = shown_page_number(context)
    return f"?sida={number}" if number and number < 10000 else ""


@register.simple_tag(takes_context=True)
def seo_meta(context):
    """Title, description, canonical address and type of the current page.

    Wagtail pages are described from their fields; other views may set `meta_title` and
    `meta_description` in their context, and a success factor's view passes `factor`.
    """
    request = context.get("request")
    page = context.get("page")
    factor = context.get("factor")
    if not isinstance(factor, SuccessFactor):
        factor = None
    if page is not None and hasattr(page, "get_url"):
        title = page.seo_title or page.title
        description = page_description(page)
        # A page outside every site (a preview of one) has no address of its own.
        path = page.get_url(request) or (request.path if request else "")
    elif factor is not None:
        title, description = factor.local_name, factor.local_definition
        path = request.path if request else ""
    else:
        title = context.get("meta_title") or settings.WAGTAIL_SITE_NAME
        description = context.get("meta_description") or SITE_DESCRIPTION
        path = request.path if request else ""
    return {
        "title": title,
        "description": Truncator(" ".join(description.split())).chars(DESCRIPTION_LENGTH),
        "canonical": absolute_url(request, path + listing_page_query(context)),
        "og_type": "article" if isinstance(page, ContentPage) else "website",
        "site_name": settings.WAGTAIL_SITE_NAME,
        "feeds": feeds(factor),
        "og_locale": OG_LOCALES.get(get_language(), "sv_SE"),
        "alternates": hreflang_links(page, request),
    }


OG_LOCALES = {"sv": "sv_SE", "en": "en_GB"}


def hreflang_links(page, request):
    """[(hreflang, absolute url)] when the page or view exists in more than one language: each
    language's version, itself included, and x-default for the Swedish original."""
    alternates = alternates_for(page, request)
    if len(alternates) < 2:
        return []
    links = [(code, absolute_url(request, url)) for code, url in alternates.items()]
    if settings.LANGUAGE_CODE in alternates:
        links.append(("x-default", absolute_url(request, alternates[settings.LANGUAGE_CODE])))
    return links


@register.simple_tag(takes_context=True)
def json_ld(context):
    """A <script type="application/ld+json"> describing the page; data, never run, so the CSP
    has nothing to block."""
    page = context.get("page")
    if page is None:
        return ""
    terms = page_terms(context, page) if isinstance(page, ContentPage) else None
    data = structured_data(page, context.get("request"), terms)
    if not data:
        return ""
    script_json = mark_safe(to_script_json(data))  # escaped for <script> by to_script_json
    return format_html('<script type="application/ld+json">{}</script>', script_json)
