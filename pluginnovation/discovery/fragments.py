"""Rendered HTML that every visitor is shown alike, cached per content version.

A public page's body (menu, breadcrumbs, content, footer) is the same for every anonymous
visitor of the same address in the same language, and changes only when the content does: it is
kept in the shared cache under the content version (pluginnovation.discovery.cache), so an
editor's publish renders it anew on the next request, in every process. What differs per visitor
stays outside (Wagtail's user bar, anything with a CSRF token or a message) and pages that hold
such things never use it: only the page types and views that say so (`shared_body`).

Never shared: previews, requests of logged-in users (they may see a page differently, and the
admin links), anything but GET/HEAD, a page that is not live or lies under a view restriction,
and anything rendered inside a transaction (sharing_allowed).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.translation import get_language

from pluginnovation.discovery.cache import MAX_AGE, content_version
from pluginnovation.discovery.listing import restricted_paths


def sharing_allowed():
    """As for the discovery cache (caching_allowed): never inside a transaction, where the
    page may show data not yet committed, or later rolled back (as every test's data is).
    PAGE_CACHE_SECONDS=0 turns off every cache of rendered pages, this one too: bodies are a
    second tier of the page cache, for visitors with a session, whom it does not serve."""
    return settings.PAGE_CACHE_SECONDS > 0 and not connection.in_atomic_block


def public_page(request, page):
    """Live, and not at or below a page with a view restriction."""
    if not getattr(page, "live", False):
        return False
    path = getattr(page, "path", "")
    return not any(path.startswith(restricted) for restricted in restricted_paths(request))


def shareable(request, page=None):
    """Whether what this request renders may be shared with every other visitor."""
    if request is None or request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_preview", False) or not sharing_allowed():
        return False
    # The page cache keeps this whole response (pluginnovation.delivery.pagecache): a body
    # stored beside it would be a second copy nobody reads.
    if getattr(request, "whole_page_cached", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return page is None or public_page(request, page)


def fragment_key(request, name):
    """The address as asked for (scheme, host, path and query string), the language shown
    and the content version."""
    raw = repr(
        (
            name,
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            get_language(),
            content_version(request),
        )
    )
    return "html:" + hashlib.sha1(raw.encode()).hexdigest()


def get(request, name):
    """The cached HTML of fragment `name` for this request, or None; read once per request."""
    found = request.__dict__.setdefault("_fragments", {})
    if name not in found:
        found[name] = cache.get(fragment_key(request, name))
    return found[name]


def put(request, name, html):
    """Keep `html` for every visitor, unless making it asked for this visitor's CSRF token (a
    form: Wagtail's password form renders the template context of the page it protects)."""
    html = str(html)
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return
    cache.set(fragment_key(request, name), html, MAX_AGE)
    request.__dict__.setdefault("_fragments", {})[name] = html


def ready(request, name, page=None):
    """Whether fragment `name` may be shared and is cached: a view then need not compute what
    only the fragment shows."""
    return shareable(request, page) and get(request, name) is not None
