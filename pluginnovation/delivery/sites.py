"""The Wagtail site a request is for, looked up once per content version and host.

Wagtail finds it with a query on every request (`Site.find_for_request`), which was one of the
larger costs of a page the page cache does not answer. Which site serves a host changes only
when a site or its root page does, and either gives a new content version
(pluginnovation.discovery.cache), so each process keeps what it found per version and host
(discovery/kept.py: a copy for every request, so nothing one request sets on the site or its
root page reaches another).

So are the sites' root paths, which Wagtail needs for every page address it makes (the menu,
cards, language links) and reads from its copy in the shared cache once per request: a round
trip to Redis. Wagtail empties that copy when a site, or a site's root page, is saved: inside
the editor's transaction, so a request elsewhere may store the old rows again before the
commit, for an hour. It is emptied again at the commit (renew_root_paths).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port

from wagtail.models import Page, Site

from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.discovery.cache import caching_allowed, content_version
from pluginnovation.discovery.kept import MISSING, Kept

# Hosts and ports seen by this process, and the root paths of all sites.
KEPT = Kept(size=64)
ROOT_PATHS = "root paths"


def site_for(request):
    """Site.find_for_request's answer, without its query when this process knows it; None
    where nothing may be kept (in a transaction, or the shared cache is away): Wagtail then
    looks the site up itself, if anything asks for it."""
    version = content_version(request) if caching_allowed() else None
    if version is None:
        return None
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    found = KEPT.get(version, key)
    if found is MISSING:
        found = Site._find_for_request(request)
        KEPT.put(version, key, found)
    return found


def root_paths_for(request):
    """Site.get_site_root_paths()'s answer, without reading the shared cache when this process
    knows it; None where nothing may be kept."""
    version = content_version(request) if caching_allowed() else None
    if version is None:
        return None
    found = KEPT.get(version, ROOT_PATHS)
    if found is MISSING:
        found = Site.get_site_root_paths()
        KEPT.put(version, ROOT_PATHS, found)
    return found


def renew_root_paths():
    """Empty Wagtail's copy of the root paths, then start a new content version: no process
    keeps root paths read before."""
    Site.clear_site_root_paths_cache()
    discovery_cache.bump()


def on_save_or_delete(sender, instance, **kwargs):
    # Where Wagtail empties its copy: a site saved or deleted, a site's root page (or one of
    # its translations) saved.
    if isinstance(instance, Site) or (isinstance(instance, Page) and instance.is_site_root()):
        transaction.on_commit(renew_root_paths)


def connect_signals():
    post_save.connect(on_save_or_delete, dispatch_uid="delivery-root-paths-save")
    post_delete.connect(on_save_or_delete, dispatch_uid="delivery-root-paths-delete")


class SiteMiddleware:
    """Sets the request's site (Wagtail reads `request._wagtail_site`) from site_for, and the
    sites' root paths (`request._wagtail_cached_site_root_paths`) from root_paths_for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site = site_for(request)
        if site is not None:
            request._wagtail_site = site
        root_paths = root_paths_for(request)
        if root_paths is not None:
            request._wagtail_cached_site_root_paths = root_paths
        return self.get_response(request)
