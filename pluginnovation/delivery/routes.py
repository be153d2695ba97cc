"""The page a request's path routes to, kept per content version, site, language and path.

Wagtail routes a request by reading the pages on its path from the site's root down, a query
or two a level: 3–7 ms of every request the page cache does not answer at 10,000 pages (a
case study is five levels down). Which page a path reaches changes only when a page is
published, unpublished, moved, renamed or deleted, and each of those gives a new content
version (pluginnovation.discovery.cache), so each process keeps the routes it found under the
version (discovery/kept.py: pickled, a few kB and 30 µs to read back; every request gets a copy
of its own, with the parents routing set on it). The page's view restrictions (and a case
study's results) are read with the route and kept with it (a restriction added, changed or
removed is a new version too); whether the visitor meets them is asked on every request, kept
route or not, by Wagtail's `check_view_restrictions` (an `on_serve_page` hook).

Kept: a page's own route (no view arguments). Not kept: routable pages (the news index, its
years and feed, an event's calendar file), which Wagtail routes each time, and paths that reach
no page, so unknown addresses cannot fill the memory.
"""

from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from pluginnovation.discovery.cache import caching_allowed, content_version
from pluginnovation.discovery.kept import MISSING, Kept

# Routes of this process ({(site, language, path): route}); a few kB each, the page and its
# parents.
KEPT = Kept(size=1000)


def route(request, path):
    """Page.route_for_request(request, path), from what this process kept when it can."""
    version = content_version(request) if caching_allowed() else None
    site = Site.find_for_request(request) if version is not None else None
    if site is None or hasattr(request, "_wagtail_route_for_request"):
        return Page.route_for_request(request, path)
    key = (site.pk, get_language(), path)
    found = KEPT.get(version, key)
    if found is not MISSING:
        request._wagtail_route_for_request = found
        return found
    result = Page.route_for_request(request, path)
    if result is not None and not result.args and not result.kwargs:
        # Which view restrictions apply (1.7 ms a request at 10,000 pages) is kept with it, and
        # what else the page type reads on every request (a case study's results).
        keep = getattr(result.page, "keep_with_route", None)
        if keep is not None:
            keep()
        # Kept before the page is served: nothing serving sets on it is kept.
        KEPT.put(version, key, result)
    return result


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
