"""The page being shown in the site's other languages: for the hreflang links in <head> and for
the language switcher on every page.

A Wagtail page's alternates are its published, public translations (found by their shared
translation key). A view inside i18n_patterns (search, the factor pages) exists in every
language at Django's translated address. Anything else exists in Swedish only, and the switcher
leads to the other language's home page.

Every page asks, so a page's alternates are cached per content version (the version every
publish, move, deletion and view restriction change replaces).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation

from wagtail.models import Page

from pluginnovation.content.languages import locale_codes
from pluginnovation.content.visibility import visible
from pluginnovation.discovery.cache import cached
from pluginnovation.discovery.listing import kept_query


def language_names():
    return dict(settings.LANGUAGES)


def page_alternates(page, request=None):
    """{language code: url} of the page's live, public translations, the page included."""

    def compute():
        codes = locale_codes()
        translations = visible(Page.objects.filter(translation_key=page.translation_key))
        return {
            codes[item.locale_id]: item.get_url(request)
            for item in translations.only("url_path", "locale_id", "depth", "path")
            if item.locale_id in codes
        }

    return cached(request, "alternates", page.translation_key, compute)


def view_alternates(path):
    """{language code: url} for a view inside i18n_patterns; {} for one outside them, and for
    an address only Wagtail's catch-all route matches (a page shows with its `page`, so that is
    a "not found": its address in the other language would not be found either)."""
    try:
        if resolve(urlsplit(path).path).url_name == "wagtail_serve":
            return {}
    except Resolver404:
        return {}
    current = translation.get_language()
    alternates = {code: translate_url(path, code) for code in language_names()}
    if all(url == path for code, url in alternates.items() if code != current):
        return {}
    return alternates


def home_url(language):
    with translation.override(language):
        return reverse("wagtail_serve", args=[""])


def alternates_for(page, request):
    """{language code: url} of the current page or view in every language it exists in.
    Asked twice per page (the hreflang links and the switcher): worked out once per request."""
    if request is None:
        return page_alternates(page) if isinstance(page, Page) else {}
    memo = request.__dict__.setdefault("_alternates", {})
    key = page.pk if isinstance(page, Page) else None
    if key not in memo:
        if isinstance(page, Page):
            memo[key] = page_alternates(page, request)
        else:
            # Only the parameters the view reads: junk in the address is not repeated.
            query = kept_query(request.GET)
            memo[key] = view_alternates(request.path + (f"?{query}" if query else ""))
    return memo[key]


def switcher_links(page, request):
    """[{code, name, url, translated}] for each language other than the one shown: the page in
    that language, or else that language's home page."""
    current = translation.get_language()
    alternates = alternates_for(page, request)
    return [
        {
            "code": code,
            "name": name,
            "url": alternates.get(code) or home_url(code),
            "translated": code in alternates,
        }
        for code, name in settings.LANGUAGES
        if code != current
    ]
