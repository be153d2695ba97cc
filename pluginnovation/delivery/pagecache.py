"""Whole responses for anonymous visitors, kept in the shared cache (Redis or files).

Built on Django's cache framework rather than its cache middleware, because a page here is
valid for one *content version* (pluginnovation.discovery.cache), not for a fixed time: an
editor's publish, move, unpublish or category edit in any process starts a new version, and
every app server's next request renders the page anew. Django's UpdateCacheMiddleware keys on
the full Cookie header and can only be emptied whole; wagtail-cache clears the whole cache
backend on publish (in Redis: FLUSHDB, rate limits included).

Served from the cache: GET and HEAD without personal cookies (policy.is_anonymous). Stored:
200 responses that hold nothing of one visitor's (policy.is_shareable), made outside a
transaction. The key is the scheme, host, language, path, query parameters in a fixed order
(`?b=2&a=1` is `?a=1&b=2`; repeated values keep their order) and the content coding the
response was compressed with; tracking parameters (utm_*, fbclid, …) are dropped from the request
first. One entry per key holds the content version it was made for, so there is one read for
the version and the page together (its body is kept apart, once per distinct body, and in each
process: page_bodies.py). An entry is fresh for its version and PAGE_CACHE_SECONDS; an
older one of the same version is served only if rendering the page fails (the database is away:
stale-if-error, also to visitors with a session). An entry of an older version is never served:
the page may have been unpublished or made private since.
"""

import hashlib
import logging
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost, TooManyFieldsSent
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.utils.module_loading import import_string
from django.utils.translation import get_language_from_path

from pluginnovation.delivery import page_bodies
from pluginnovation.delivery.compression import negotiate
from pluginnovation.delivery.policy import (
    cache_control,
    has_personal_cookies,
    is_cacheable_address,
    is_shareable,
)
from pluginnovation.discovery.cache import (
    VERSION_KEY,
    bump,
    bump_pending,
    caching_allowed,
    read_version,
)

logger = logging.getLogger(__name__)

# How long a copy is kept, as the copy to serve while the database is away.
STALE_SECONDS = 6 * 60 * 60
# A view sets response.on_cache_hit = ("dotted.path.of.function", (args,)) for work that must
# happen on every request, also when the page is served from the cache.
ON_HIT = "on_cache_hit"
TRACKING_PARAMETER = re.compile(
    r"(?i)\b(utm_[a-z]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl)\b"
)
# Headers made anew for every answer, never stored.
NOT_STORED = {"date", "x-cache", "set-cookie"}


def page_key(request):
    """The cache key of this request's page, or None when it must not be cached."""
    try:
        host = request.get_host()
        query = sorted(request.GET.lists(), key=lambda item: item[0])
    except (DisallowedHost, TooManyFieldsSent):
        return None  # the view answers 400
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    raw = repr((request.scheme, host, language, request.path, query, negotiate(request)))
    # "page-entry:": entries name their body (page_bodies); the code before stored the body in
    # the entry under "page:", and the two must not read each other's while both run.
    return "page-entry:" + hashlib.sha256(raw.encode()).hexdigest()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            drop_tracking_parameters(request)
        key = None
        if settings.PAGE_CACHE_SECONDS > 0 and is_cacheable_address(request) and caching_allowed():
            key = page_key(request)
        if key is None:
            return finish(request, self.get_response(request))
        if has_personal_cookies(request):
            return self.personal(request, key)
        # This response is kept whole: the second tier (shared bodies, for visitors with a
        # session) need not store its body as well.
        request.whole_page_cached = True

        # A new version this process could not store (Redis away at the change) is stored
        # before anything is served, as content_version() does for every other request.
        if bump_pending():
            bump()
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY) or read_version()
        request._content_version = version  # the discovery caches use the same version
        # A copy made for an older version is never served, not even while the database is
        # away: the page may have been unpublished or made private since.
        entry = found.get(key)
        if entry and entry["version"] != version:
            entry = None
        if entry and is_fresh(entry) and (hit := with_body(entry)):
            return from_entry(hit, "hit")
        response = self.get_response(request)
        if response.status_code >= 500 and entry and (stale := with_body(entry)):
            return from_entry(stale, "stale")
        return finish(request, response, key, version)

    def personal(self, request, key):
        """A visitor with a session (a collection, an editor) gets a page of their own; while
        the database is away, the public copy of the current version is better than a 503."""
        response = self.get_response(request)
        if response.status_code >= 500:
            found = cache.get_many([VERSION_KEY, key])
            entry = found.get(key)
            if entry and entry["version"] == found.get(VERSION_KEY) and (stale := with_body(entry)):
                return from_entry(stale, "stale")
        return finish(request, response)


def drop_tracking_parameters(request):
    """Campaign and click ids (utm_*, fbclid, …) change nothing on this site, which runs no
    analytics. They are removed before anything reads the query: a newsletter's link is the
    same cached page as the plain address, and no visitor's click id ends up in the links of a
    page another visitor is served."""
    if not TRACKING_PARAMETER.search(request.META.get("QUERY_STRING", "")):
        return
    try:
        query = request.GET.copy()
    except TooManyFieldsSent:
        return
    for name in list(query):
        if TRACKING_PARAMETER.fullmatch(name):
            del query[name]
    request.GET = query
    request.META["QUERY_STRING"] = query.urlencode()


def is_fresh(entry):
    return time.time() - entry["stored"] < settings.PAGE_CACHE_SECONDS


def finish(request, response, key=None, version=None):
    """Public responses say so, with an ETag; a page cache key stores them. Anything else is
    for one visitor only: no CDN or proxy may keep it."""
    if is_shareable(request, response):
        make_public(response)
        if key and request.method == "GET":
            cache.set_many(to_entry(key, response, version), STALE_SECONDS)
            response.headers["X-Cache"] = "miss"
    elif "public" not in cache_control(response):
        # Also where the view said something of its own (a search's s-maxage=0): only a
        # view's explicit "public" (suggestions, robots.txt) is the same for everyone.
        patch_cache_control(response, private=True)
    response.headers.setdefault("X-Cache", "bypass")
    return response


def make_public(response):
    """Browsers ask again each time (a 304 when nothing changed); a CDN or proxy may keep the
    page FRONTEND_CACHE_SECONDS, and serve it for a day while this site is down. Last-Modified
    is when this copy was made: the page may be older, never newer."""
    directives = {"public": True, "stale_if_error": STALE_SECONDS}
    own = cache_control(response)  # a view's own max-age (suggestions) or s-maxage stays
    if "max-age" not in own:
        directives["max_age"] = 0
    if "s-maxage" not in own:
        directives["s_maxage"] = settings.FRONTEND_CACHE_SECONDS
    patch_cache_control(response, **directives)
    response.headers["Last-Modified"] = http_date()
    set_response_etag(response)
    # The language is in the address, never taken from the header (LocaleMiddleware adds it to
    # Vary anyway): a proxy honouring Vary would keep a copy per browser language.
    vary = [part for part in cc_delim_re.split(response.get("Vary", "")) if part]
    kept = [part for part in vary if part.lower() != "accept-language"]
    if kept != vary:
        response.headers["Vary"] = ", ".join(kept)
        if not kept:
            del response.headers["Vary"]


def to_entry(key, response, version):
    """What to write for the response: its entry under `key`, and its body under the body's
    digest (page_bodies), which the entry names."""
    headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED]
    content = response.content
    body = page_bodies.digest(content)
    page_bodies.keep(body, content)
    entry = {
        "version": version,
        "stored": time.time(),
        "status": response.status_code,
        "headers": headers,
        "body": body,
        "on_hit": getattr(response, ON_HIT, None),
    }
    # The body first: a reader between the two writes (the file cache) finds no entry yet.
    return {page_bodies.body_key(body): content, key: entry}


def with_body(entry):
    """The entry with its body, or None when the shared cache has dropped the body (the page
    is then made again)."""
    content = page_bodies.get(entry["body"], STALE_SECONDS)
    return {**entry, "content": content} if content is not None else None


def from_entry(entry, state):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response.headers[name] = value
    response.headers["X-Cache"] = state
    if state == "hit" and entry.get("on_hit"):
        run_on_hit(*entry["on_hit"])
    return response


def run_on_hit(function, args):
    """What the view does on every request even when its page comes from the cache (counting
    a search for the editors' report); best effort, a hit must not fail for it."""
    try:
        import_string(function)(*args)
    except DatabaseError:
        logger.warning("Could not run %s for a cached page", function, exc_info=True)
