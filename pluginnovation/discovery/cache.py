"""Cached results of the discovery queries that grow with the amount of content.

Facet counts, search hits, related pages and a factor page's newest pages take tens of
milliseconds at 10,000 pages, so their results (ids and numbers, never HTML) are cached. A
cached result is valid for one *content version*, made of:

- the newest page and snippet log entries: Wagtail logs every editor action (publish, unpublish,
  move, delete, view restriction, category edit), and the log is in the database, so every
  process sees the change, whatever the cache backend;
- a counter this process bumps on any save or delete of content, categories or restrictions,
  for changes made in code (imports, tests) that write no log entry.

Reading the log costs one small query per request that uses the cache. MAX_AGE bounds the rest:
a change made in code in another process, without a log entry. Nothing is cached inside a
transaction (so never in the tests' rolled-back transactions, unless a test turns it on).
"""

import hashlib
import itertools

from django.core.cache import cache
from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save

from taggit.models import Tag
from wagtail.models import ModelLogEntry, Page, PageLogEntry, PageViewRestriction

from pluginnovation.content.models import PageTag
from pluginnovation.taxonomy.models import Term

MAX_AGE = 300
_local_changes = itertools.count()
_local_version = [next(_local_changes)]


def changed(**kwargs):
    """Signal receiver: content changed in this process."""
    _local_version[0] = next(_local_changes)


def is_discovery_data(model):
    return issubclass(model, Page | PageTag | Term | Tag | PageViewRestriction)


def on_save_or_delete(sender, **kwargs):
    if is_discovery_data(sender):
        changed()


def on_m2m_changed(sender, instance, **kwargs):
    if isinstance(instance, Page | Term):
        changed()


def connect_signals():
    post_save.connect(on_save_or_delete, dispatch_uid="discovery-cache-save")
    post_delete.connect(on_save_or_delete, dispatch_uid="discovery-cache-delete")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="discovery-cache-m2m")


def newest_log_entries():
    quote = connection.ops.quote_name
    pages, snippets = (quote(m._meta.db_table) for m in (PageLogEntry, ModelLogEntry))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT (SELECT MAX(id) FROM {pages}), (SELECT MAX(id) FROM {snippets})")
        return cursor.fetchone()


def content_version(request=None):
    """The content version; the log is read once per request."""
    logs = getattr(request, "_discovery_logs", None)
    if logs is None:
        logs = newest_log_entries()
        if request is not None:
            request._discovery_logs = logs
    return (*logs, _local_version[0])


def caching_allowed():
    """Results are shared only when computed outside a transaction: inside one they may hold
    data not yet committed, or later rolled back (as every test's data is)."""
    return not connection.in_atomic_block


def cached(request, kind, key, compute):
    """compute() once per content version and `key` (anything with a stable repr)."""
    if not caching_allowed():
        return compute()
    digest = hashlib.sha1(repr((content_version(request), key)).encode()).hexdigest()
    cache_key = f"discovery:{kind}:{digest}"
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, MAX_AGE)
    return value
