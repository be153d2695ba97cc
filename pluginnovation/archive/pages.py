"""Pages only the archive has: its search page, at the site's search address so that links
to the search keep working, and its notice page, where links to what needs a server lead.
They are rendered with the site's own base template, as the site would render a view, and
then rewritten like every other page."""

from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from pluginnovation.content.visibility import visible
from pluginnovation.taxonomy.models import SuccessFactor

SEARCH_KEYS = {"sv": "/sok/", "en": "/en/sok/"}
# Files, not folders: no page of the site has an address ending in ".html", so these never
# clash with an archived page.
NOTICE_KEYS = {"sv": "/arkivet.html", "en": "/en/arkivet.html"}
INDEX_KEY = "/sok/index-data.js"
STYLESHEET = "archive/archive.css"
LISTING_TYPES = (
    "research.ResearchIndexPage",
    "casestudies.CaseStudyIndexPage",
    "methods.MethodIndexPage",
)


def listing_links():
    """The research, case-study and method listings (Swedish: the content is Swedish)."""
    links = []
    for label in LISTING_TYPES:
        model = apps.get_model(label)
        for page in visible(model.objects.filter(locale__language_code="sv")).order_by("path"):
            links.append({"title": page.title, "url": page.get_url(), "lang": "sv"})
    return sorted(links, key=lambda link: link["url"])


def context(language, words):
    with translation.override(language):
        factors = [
            {"title": factor.name, "url": reverse("factor_detail", args=[factor.slug])}
            for factor in SuccessFactor.objects.all()
        ]
        listings = listing_links()
        if language == "sv":
            for link in listings:
                link["lang"] = ""
        return {
            "t": words,
            "listings": listings,
            "factors": factors,
            "explore_url": reverse("explore"),
            "factors_url": reverse("factor_list"),
            "search_url": SEARCH_KEYS[language],
            "notice_url": NOTICE_KEYS[language],
            "index_url": INDEX_KEY,
        }


def render_page(template, path, language, values, host):
    """A template rendered for an anonymous visitor at `path`, as a view would render it."""
    request = RequestFactory().get(path, HTTP_HOST=host, secure=True)
    request.user = AnonymousUser()
    request.LANGUAGE_CODE = language
    with translation.override(language):
        return render_to_string(template, values, request=request)


def archive_pages(words_by_language, host):
    """{address key: HTML} of the search and notice pages in both languages."""
    pages = {}
    for language, words in words_by_language.items():
        values = context(language, words)
        pages[SEARCH_KEYS[language]] = render_page(
            "archive/search.html",
            SEARCH_KEYS[language],
            language,
            {**values, "on_search": True},
            host,
        )
        pages[NOTICE_KEYS[language]] = render_page(
            "archive/notice.html", NOTICE_KEYS[language], language, values, host
        )
    return pages


def snippets(words, language):
    """The banner, the form notice and the head additions for one language."""
    values = {"t": words, "notice_url": NOTICE_KEYS[language]}
    return {
        "banner": render_to_string("archive/banner.html", values).strip(),
        "form_notice": render_to_string("archive/form_notice.html", values).strip(),
        "head": f'<link rel="stylesheet" href="{static(STYLESHEET)}">\n',
        "notice_key": NOTICE_KEYS[language],
        "search_key": SEARCH_KEYS[language],
    }
