"""The content version, and cached results of the discovery queries that grow with the content.

Facet counts, search hits, related pages and a factor page's newest pages take tens of
milliseconds at 10,000 pages, so their results (ids and numbers, never HTML) are cached, and so
are whole pages for anonymous visitors (pluginnovation/delivery/pagecache.py). A cached result
is valid for one *content version*: a token in the shared cache (Redis with several app
servers, files on one machine), so every process sees a new one on its next request.

The version changes when content that public pages show is saved or deleted (pages, categories,
tags, view restrictions, sites, locales, site settings, search promotions) and whenever Wagtail
logs an editor's action (publish, unpublish, move, delete, privacy, snippets, settings, images,
documents: every admin change writes a log entry). It changes at once, for this process, and
again when the transaction commits: a request in another process that read the old rows while
the transaction was open cached them under the version before the commit, which is then no
longer asked for.

MAX_AGE bounds what depends on time alone. Nothing is cached inside a transaction (so never in
the tests' rolled-back transactions, unless a test turns it on).
"""

import hashlib
import time

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from taggit.models import Tag
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import (
    BaseLogEntry,
    CollectionViewRestriction,
    Locale,
    Orderable,
    Page,
    PageViewRestriction,
    Site,
)

from pluginnovation.cache_backends import public_dumps
from pluginnovation.content.models import PageTag
from pluginnovation.discovery.kept import MAX_AGE, MISSING, Kept
from pluginnovation.taxonomy.models import Term

# Results this process read from the shared cache, for the current content version: a result
# is read from Redis once per process and version, not on every request (a page of results is
# 70-100 kB, a round trip 0.2-1.5 ms). At most 64 MB a process, and pages in them kept as the
# public copies Redis holds (cache_backends.public_dumps), never a draft's title.
KEPT = Kept(size=5_000, max_bytes=64 * 1024 * 1024, dumps=public_dumps)
VERSION_KEY = "content-version"
# What public pages show that code, imports and tests can change without an editor's logged
# action; every change made in the admin also writes a log entry (BaseLogEntry).
PUBLIC_DATA = (
    Page,
    PageTag,
    Term,
    Tag,
    PageViewRestriction,
    CollectionViewRestriction,
    Site,
    Locale,
    BaseSiteSetting,
    SearchPromotion,
    BaseLogEntry,
    # A page's rows of its own (a method's linked evidence, a case study's results), which
    # publishing the page writes, but code can change alone.
    Orderable,
)


def new_version():
    # Never a value used before, even if the cache lost the key (a restart, an eviction).
    return f"{time.time_ns():x}"


# A new version the shared cache did not take (Redis away: cache_backends turns the failure
# into a dropped write) is written again on this process's next request, so no process goes on
# serving what was cached before the change once Redis is back.
_unsaved = {"bump": False}


def bump():
    version = new_version()
    cache.set(VERSION_KEY, version, None)
    _unsaved["bump"] = cache.get(VERSION_KEY) != version


def bump_pending():
    return _unsaved["bump"]


def changed(**kwargs):
    """Public content changed: a new version now, and another once the transaction commits."""
    bump()
    transaction.on_commit(bump)


def on_save_or_delete(sender, **kwargs):
    if issubclass(sender, PUBLIC_DATA):
        changed()


def on_m2m_changed(sender, instance, **kwargs):
    # A view restriction's groups: who may see a page, kept with its route (delivery/routes.py).
    if isinstance(instance, Page | Term | PageViewRestriction | CollectionViewRestriction):
        changed()


def connect_signals():
    post_save.connect(on_save_or_delete, dispatch_uid="discovery-cache-save")
    post_delete.connect(on_save_or_delete, dispatch_uid="discovery-cache-delete")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="discovery-cache-m2m")
    # A deployment runs `migrate`: pages cached by the old code's templates are made anew.
    post_migrate.connect(
        lambda **kwargs: bump(), dispatch_uid="discovery-cache-migrate", weak=False
    )


def read_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, new_version(), None)
        version = cache.get(VERSION_KEY)
    return version


def content_version(request=None):
    """The content version, read once per request."""
    version = getattr(request, "_content_version", None)
    if version is None:
        if _unsaved["bump"]:
            bump()
        version = read_version()
        if request is not None:
            request._content_version = version
    return version


def caching_allowed():
    """Results are shared only when computed outside a transaction: inside one they may hold
    data not yet committed, or later rolled back (as every test's data is)."""
    return not connection.in_atomic_block


def cached(request, kind, key, compute):
    """compute() once per content version and `key` (anything with a stable repr), shared by
    every process through the cache and kept in each process for the version (KEPT)."""
    if not caching_allowed():
        return compute()
    version = content_version(request)
    digest = hashlib.sha1(repr((version, key)).encode()).hexdigest()
    cache_key = f"discovery:{kind}:{digest}"
    # Without a version (the shared cache is away) nothing is kept: it would outlive the outage.
    value = KEPT.get(version, cache_key) if version is not None else MISSING
    if value is not MISSING:
        return value
    # Stored with the time it was computed, so no process keeps it past MAX_AGE from then.
    found = cache.get(cache_key)
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], float):
        computed_at, value = found
    else:
        computed_at, value = time.time(), compute()
        cache.set(cache_key, (computed_at, value), MAX_AGE)
    if version is not None:
        KEPT.put(version, cache_key, value, ends=computed_at + MAX_AGE)
    return value
