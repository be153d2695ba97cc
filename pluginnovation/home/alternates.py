"""The page being shown in the site's other languages: for the hreflang links in <head> and for
the language switcher on every page.

A Wagtail page's alternates are its published, public translations (found by their shared
translation key). A view inside i18n_patterns (search, the factor pages) exists in every
language at Django's translated address. Anything else exists in Swedish only, and the switcher
leads to the other language's home page.

Translations change rarely and every page asks, so a page's alternates are cached. Publishing
or unpublishing a page forgets its own entry; moving or deleting a page, publishing one with
children (its slug may have moved them) or changing a view restriction starts a new generation
of the whole cache.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from pluginnovation.content.languages import locale_codes
from pluginnovation.content.visibility import visible

MAX_AGE = 300
GENERATION_KEY = "alternates-generation"


def language_names():
    return dict(settings.LANGUAGES)


def cache_key(translation_key):
    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    return f"alternates:{generation}:{translation_key}"


def page_alternates(page, request=None):
    """{language code: url} of the page's live, public translations, the page included."""
    key = cache_key(page.translation_key)
    alternates = cache.get(key)
    if alternates is None:
        codes = locale_codes()
        translations = visible(Page.objects.filter(translation_key=page.translation_key))
        alternates = {
            codes[item.locale_id]: item.get_url(request)
            for item in translations.only("url_path", "locale_id", "depth", "path")
            if item.locale_id in codes
        }
        cache.set(key, alternates, MAX_AGE)
    return alternates


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
    """{language code: url} of the current page or view in every language it exists in."""
    if isinstance(page, Page):
        return page_alternates(page, request)
    if request is None:
        return {}
    return view_alternates(request.get_full_path())


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


def new_generation(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def forget_page(instance, **kwargs):
    """A page was published or unpublished: its own translations' links change, and, if it
    has children, their addresses may have changed with its slug."""
    if instance.numchild:
        new_generation()
    else:
        cache.delete(cache_key(instance.translation_key))


def on_change(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction):
        new_generation()


def connect_signals():
    for signal in (page_published, page_unpublished):
        signal.connect(forget_page, dispatch_uid=f"alternates-{id(signal)}")
    post_page_move.connect(new_generation, dispatch_uid="alternates-move")
    post_delete.connect(on_change, dispatch_uid="alternates-delete")
    post_save.connect(on_change, sender=PageViewRestriction, dispatch_uid="alternates-restriction")
