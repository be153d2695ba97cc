"""The language a page is written in, so that Swedish pages shown in the English pages' chrome
(cards, search hits, links) can carry lang="sv" and an "In Swedish" marker.

A page knows its locale's id; the ids' language codes are read once and kept in the cache, so
marking a page costs no query, and in the process for LOCAL_SECONDS, so marking twenty cards is
not twenty round trips to Redis. Locales are added perhaps once in a site's life: a change clears
both here, and other processes see it within MAX_AGE + LOCAL_SECONDS.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

CACHE_KEY = "locale-codes"
MAX_AGE = 300
LOCAL_SECONDS = 10
_local = {"codes": None, "until": 0.0}


def locale_codes():
    """{locale id: language code}."""
    if _local["codes"] is not None and time.monotonic() < _local["until"]:
        return _local["codes"]
    codes = cache.get(CACHE_KEY)
    if codes is None:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        cache.set(CACHE_KEY, codes, MAX_AGE)
    _local.update(codes=codes, until=time.monotonic() + LOCAL_SECONDS)
    return codes


def page_language(page):
    return locale_codes().get(page.locale_id, settings.LANGUAGE_CODE)


def other_language(page):
    """The page's language code if it is not the language being shown, else ""."""
    language = page_language(page)
    return "" if language == (get_language() or settings.LANGUAGE_CODE) else language


def locale_for_language(manager, language_code):
    """LocaleManager.get_for_language from the cached codes. Wagtail asks it for the active
    locale on every page it serves (the home page's `localized` translation); with the two
    locales in the cache that is no query. An unknown code is looked up as Wagtail does."""
    wanted = get_supported_content_language_variant(language_code)
    for pk, code in locale_codes().items():
        if code == wanted:
            return manager.model.from_db(manager.db, ["id", "language_code"], [pk, code])
    return manager.get(language_code=wanted)


def cache_locale_lookups():
    LocaleManager.get_for_language = locale_for_language


def forget(**kwargs):
    _local["codes"] = None
    cache.delete(CACHE_KEY)


post_save.connect(forget, sender=Locale, dispatch_uid="content.languages.saved")
post_delete.connect(forget, sender=Locale, dispatch_uid="content.languages.deleted")
