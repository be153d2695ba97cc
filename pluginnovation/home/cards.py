"""A content page as a card: in listings, on the front page and factor pages, and as a search
hit (site_tags registers these as template tags).

Drawn here rather than by included templates: a listing or a search page has twenty, and
Django's template engine took 0.38 ms a card (7.5 of a listing's 18 ms in-process) for what is
one string with a dozen values. The markup is what the templates made, escaped the same way
(pluginnovation.html_format).

What a card shows of its page is drawn once per content version in each process and kept
(discovery/kept.py), per page, heading, language, site and address state: drawing twenty was
still 40 % of a listing the page cache does not answer (5.8 of 13.8 ms at 10,000 pages), and the
same pages recur on every listing, search and factor page. It is what that version's page
shows every visitor, so it is not one address's HTML (the page cache's, off with
PAGE_CACHE_SECONDS=0) but the page's. The Spara form names the address it returns to and is
drawn per response; a search hit's excerpt per search.
"""

from functools import lru_cache
from types import MappingProxyType

from django.conf import settings
from django.template.defaultfilters import date as format_date
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from wagtail.models import Site

from pluginnovation.content.languages import other_language
from pluginnovation.discovery.cache import caching_allowed, content_version
from pluginnovation.discovery.kept import MISSING, Kept
from pluginnovation.html_format import conditional_escape, format_html, format_html_join
from pluginnovation.saved.buttons import save_button

# About 1.6 kB a card as kept: at most some 16 MB a process. A card's parts are a read-only
# mapping of strings, shared by every request.
KEPT = Kept(size=10_000, immutable=True)

CARD = (
    '<li class="card card--{kind}">\n'
    '    <p class="card__type">{type}</p>\n'
    "    {title}\n"
    '    <p class="card__summary"{lang}>{summary}</p>\n'
    "{facts}"
    "    {factors}\n"
    '    <p class="card__date">{published} <time datetime="{iso_date}">{date}</time></p>\n'
    "    {save}\n"
    "</li>"
)
CARD_TITLE = '<{heading} class="card__title"><a href="{url}"{lang}>{title}</a>{note}</{heading}>'
CARD_FACTS = '    <dl class="card__facts">\n        {}\n    </dl>\n'
CARD_FACT = '<div class="card__fact"><dt>{}</dt><dd>{}</dd></div>'
CARD_FACTORS = (
    '<div class="card__factors">\n<span class="visually-hidden">{}</span>\n'
    '<ul class="factor-tags">\n{}\n</ul>\n</div>'
)
FACTOR_TAG = '<li><a class="factor-tag factor-tag--{}" href="{}"{}>{}</a></li>'
SEARCH_HIT = (
    '<li class="card search-hit card--{kind}">\n'
    '    <p class="card__type">{type}</p>\n'
    "    {title}\n"
    '    <p class="card__summary"{lang}>{summary}</p>\n'
    "{excerpt}"
    "    {factors}\n"
    "    {save}\n"
    "</li>"
)
MARK = "<mark>{}</mark>"
EXCERPT = '    <p class="search-hit__excerpt"><span class="visually-hidden">{} </span>{}</p>\n'


def content_card(context, item, heading_level=3):
    """{% content_card item heading_level %}: a research article, case study or method page
    (item) as a card, inside <ul class="card-list">. heading_level 2 or 4 (or "h2", "h4")
    gives an h2 or h4 title, anything else an h3."""
    heading = {"2": "h2", "4": "h4"}.get(str(heading_level).removeprefix("h"), "h3")
    parts = card_parts(context, item, heading)
    return mark_safe(CARD.format(**parts, save=save_button(context, item, "card")))


def search_hit(context, item):
    """{% search_hit item %}: a search hit, a card with an excerpt of the page's text, the
    searched words marked (item.excerpt: segments from pluginnovation.discovery.excerpts)."""
    parts = card_parts(context, item, "h3")
    excerpt = ""
    if getattr(item, "excerpt", None):
        marked = (format_html(MARK, s.text) if s.match else s.text for s in item.excerpt)
        text = format_html_join("", "{}", ((segment,) for segment in marked))
        if lang := other_language(item):
            text = format_html('<span lang="{}">{}</span>', lang, text)
        excerpt = format_html(EXCERPT, gettext("Ur texten:"), text)
    return mark_safe(
        SEARCH_HIT.format(
            **{name: parts[name] for name in ("kind", "type", "title", "lang", "summary")},
            excerpt=excerpt,
            factors=parts["factors"],
            # Saved from the results, as from a listing: a mentor gathering what to bring to
            # a staff meeting need not open every page first.
            save=save_button(context, item, "card"),
        )
    )


def card_parts(context, item, heading):
    """What a card or search hit shows of its page, each value escaped: kept for the content
    version when the page is the live one as stored (not a preview's or an unsaved object)."""
    request = context.get("request")
    keep = (
        request is not None
        and getattr(item, "live", False)
        and not getattr(request, "is_preview", False)
        and caching_allowed()
    )
    if not keep:
        return draw_parts(context, item, heading)
    version = content_version(request)
    if version is None:  # the shared cache is away: no version to keep anything under
        return draw_parts(context, item, heading)
    site = Site.find_for_request(request)
    key = (item.pk, heading, site.pk if site else None, *url_state())
    parts = KEPT.get(version, key)
    if parts is MISSING:
        parts = draw_parts(context, item, heading)
        KEPT.put(version, key, parts)
    return parts


def draw_parts(context, item, heading):
    lang = other_language(item)
    facts = item.card_facts()
    values = {
        "kind": page_kind(item),
        "type": item.type_label,
        "title": card_title(context, item, lang, heading),
        "lang": lang_attribute(lang),
        "summary": item.summary,
        "facts": format_html(CARD_FACTS, format_html_join("", CARD_FACT, facts)) if facts else "",
        "factors": card_factors(item),
        "published": item.published_date_label,
        # published_date is a DateField: no time zone to convert to.
        "iso_date": item.published_date.isoformat() if item.published_date else "",
        "date": long_date(item.published_date, get_language()),
    }
    # Read-only: the kept parts are shared by every request of the process.
    return MappingProxyType({name: conditional_escape(value) for name, value in values.items()})


def card_title(context, item, lang, heading="h3"):
    """The heading of a card or search hit, its link to the page (item); a page in another
    language than the one shown (lang, its code, or "") is marked with its lang and "på
    svenska" after the link."""
    return format_html(
        CARD_TITLE,
        heading=heading,
        url=item.get_url(request=context.get("request")),
        lang=format_html(' lang="{0}" hreflang="{0}"', lang) if lang else "",
        title=item.title,
        note=format_html(" {}", language_note(lang)) if lang else "",
    )


def card_factors(item):
    """The success factors of a card's page (item) as links to their factor pages; nothing
    when it has none."""
    factors = list(item.factors.all())
    if not factors:
        return ""
    where = url_state()
    tags = format_html_join(
        "\n",
        FACTOR_TAG,
        (
            (f.slug, factor_path(f.slug, *where), lang_attribute(f.name_language), f.local_name)
            for f in factors
        ),
    )
    return format_html(CARD_FACTORS, gettext("Framgångsfaktorer:"), tags)


def factor_url(factor):
    """The factor's page in the language shown."""
    return factor_path(factor.slug, *url_state())


def url_state():
    """What reverse() reads besides its arguments: the active language and the default one
    (which has no prefix), the URLconf and the script prefix."""
    return (
        get_language(),
        settings.LANGUAGE_CODE,
        get_urlconf() or settings.ROOT_URLCONF,
        get_script_prefix(),
    )


# One to four factors on every card: reversing each took a seventh of a card's time, and a
# date in words as much again. Each result is kept per value and the state it was made in
# (passed in for the key alone), of which there are few.
@lru_cache(maxsize=256)
def factor_path(slug, language, default_language, urlconf, prefix):
    return reverse("factor_detail", args=[slug])


@lru_cache(maxsize=4096)
def long_date(value, language):
    """A date as the card shows it, in the language shown: "5 mars 2024"."""
    return format_date(value, "j F Y")


def language_note(lang):
    """After a link to a page in another language (lang, its code): which language that is."""
    text = gettext("på svenska") if lang == "sv" else gettext("på engelska")
    return format_html('<span class="language-note">{}</span>', text)


def lang_attribute(lang):
    return format_html(' lang="{}"', lang) if lang else ""


def page_kind(page):
    """A short name for a page's type, for CSS classes: "researcharticle", "casestudy", "method"."""
    model = getattr(page, "specific_class", None) or type(page)
    return model._meta.model_name.removesuffix("page")
