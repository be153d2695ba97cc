"""The page a request's path routes to, kept per content version, site, language and path.

Wagtail routes a request by reading the pages on its path from the site's root down, a query
or two a level: 3–7 ms of every request the page cache does not answer at 10,000 pages (a
case study is five levels down). Which page a path reaches changes only when a page is
published, unpublished, moved, renamed or deleted, and each of those gives a new content
version (pluginnovation.discovery.cache), so each process keeps the routes it found under the
version, for at most MAX_AGE like every other cache of it (a new version the shared cache did
not take is then still seen in time). A route is kept pickled (a few kB, 30 µs to read back):
every request gets a copy of its own, with the parents routing set on it, so nothing one
request sets on a page reaches another. Who may see the page is not part of the route:
Wagtail's `check_view_restrictions` (an `on_serve_page` hook) checks view restrictions on every
request, kept route or not.

Kept: a page's own route (no view arguments). Not kept: routable pages (the news index, its
years and feed, an event's calendar file), which Wagtail routes each time, and paths that reach
no page, so unknown addresses cannot fill the memory.
"""

import pickle
import threading
import time

from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from pluginnovation.discovery.cache import MAX_AGE, caching_allowed, content_version

# Routes of this process, all of one content version; the oldest go first when it is full
# (a few kB each, the page and its parents).
MAX_ENTRIES = 1000
# (version, when it was first seen, {(site, language, path): pickled route}): replaced whole,
# so a thread never reads one version's routes under another's.
_kept = (None, 0.0, {})
_storing = threading.Lock()


def clear():
    global _kept
    _kept = (None, 0.0, {})


def kept():
    return len(_kept[2])


def routes_of(version):
    """This process's routes for `version`: a new, empty set for a new version or after
    MAX_AGE."""
    global _kept
    kept_version, since, routes = _kept
    if kept_version == version and time.monotonic() - since <= MAX_AGE:
        return routes
    with _storing:
        kept_version, since, routes = _kept
        now = time.monotonic()
        if kept_version != version or now - since > MAX_AGE:
            routes = {}
            _kept = (version, now, routes)
        return routes


def route(request, path):
    """Page.route_for_request(request, path), from what this process kept when it can."""
    version = content_version(request) if caching_allowed() else None
    site = Site.find_for_request(request) if version is not None else None
    if site is None or hasattr(request, "_wagtail_route_for_request"):
        return Page.route_for_request(request, path)
    routes = routes_of(version)
    key = (site.pk, get_language(), path)
    found = routes.get(key)
    if found is not None:
        request._wagtail_route_for_request = pickle.loads(found)
        return request._wagtail_route_for_request
    result = Page.route_for_request(request, path)
    if result is not None and not result.args and not result.kwargs:
        keep(routes, key, result)
    return result


def keep(routes, key, result):
    try:
        # Pickled before the page is served: nothing serving sets on it is kept.
        pickled = pickle.dumps(result, pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return  # routed by Wagtail each time, as before
    with _storing:
        if len(routes) >= MAX_ENTRIES:
            routes.pop(next(iter(routes)), None)
        routes[key] = pickled


class RouteMiddleware:
    """Routes a GET or HEAD request for a Wagtail page through `route` before Wagtail's serve
    view runs; the view then takes the route Wagtail's routing keeps on the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and request.method in ("GET", "HEAD"):
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            route(request, path)
        return None
