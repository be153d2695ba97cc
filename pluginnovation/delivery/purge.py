"""Purging a CDN or caching proxy when an editor publishes, with Wagtail's frontend_cache.

Wagtail purges a published or unpublished page's own address; a view restriction added or
removed purges the page and every page below it. A page also shows in its
section's listing, on the home page, in the success-factor pages, the explore and results
views, the map, the feeds and the sitemap, and in the open API and the open-data files, so
those addresses go in the same batch, in every language the site has. Addresses with a query
string (filtered listings, searches) cannot be listed; a CDN keeps them at most
FRONTEND_CACHE_SECONDS (s-maxage), as it does pages after an edit of a category or a
setting. Nothing happens unless WAGTAILFRONTENDCACHE is set.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from pluginnovation.opendata.export import FILE_NAMES
from pluginnovation.taxonomy.models import SuccessFactor

# Views that list or count pages, and the feeds.
LISTING_VIEWS = ["explore", "results", "factor_list", "county_map", "sitemap", "feed"]


def listing_paths():
    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for name in LISTING_VIEWS:
                try:
                    paths.append(reverse(name))
                except NoReverseMatch:
                    continue
            for slug in SuccessFactor.objects.values_list("slug", flat=True):
                paths.append(reverse("factor_detail", args=[slug]))
                paths.append(reverse("factor_feed", args=[slug]))
    return sorted(set(paths))


def open_data_paths(page):
    """The page in the API, the API's unfiltered pages listing, and /oppna-data/ with its files
    (Swedish only: the API and the downloads have no English addresses)."""
    paths = [
        reverse("wagtailapi:pages:detail", args=[page.pk]),
        reverse("wagtailapi:pages:listing"),
        reverse("opendata:index"),
    ]
    return paths + [reverse("opendata:download", args=[name]) for name in FILE_NAMES]


def purge_around(page):
    """The page, the pages above it (its section, the home page) and the listing views."""
    if not get_backends():
        return
    batch = PurgeBatch()
    batch.add_pages(page.get_ancestors(inclusive=True).filter(depth__gt=1).specific())
    site = page.get_site()
    if site is not None:
        batch.add_urls(site.root_url + path for path in listing_paths() + open_data_paths(page))
    batch.purge()


def on_publish_or_unpublish(instance, **kwargs):
    purge_around(instance)


def on_move(instance, parent_page_before, url_path_before, **kwargs):
    """Both the old address (now a redirect) and the new one, and both sections."""
    if not get_backends():
        return
    purge_around(instance)
    batch = PurgeBatch()
    batch.add_pages(parent_page_before.get_ancestors(inclusive=True).filter(depth__gt=1))
    site = instance.get_site()
    if site is not None and url_path_before.startswith(site.root_page.url_path):
        path = url_path_before[len(site.root_page.url_path) - 1 :]
        batch.add_url(site.root_url + path)
    batch.purge()


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        purge_around(instance)


def on_view_restriction(sender, instance, **kwargs):
    """A page made private, or public again: the copies of it and of every page below it go at
    once, not when the CDN's s-maxage runs out."""
    if not get_backends():
        return
    try:
        page = instance.page
    except Page.DoesNotExist:  # deleted with its page, which purges itself
        return
    purge_around(page.specific)
    batch = PurgeBatch()
    batch.add_pages(page.get_descendants().live().specific())
    batch.purge()


def connect_signals():
    page_published.connect(on_publish_or_unpublish, dispatch_uid="frontend-cache-publish")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="frontend-cache-unpublish")
    post_page_move.connect(on_move, dispatch_uid="frontend-cache-move")
    post_delete.connect(on_delete, dispatch_uid="frontend-cache-delete")
    for signal in (post_save, post_delete):
        signal.connect(
            on_view_restriction,
            sender=PageViewRestriction,
            dispatch_uid=f"frontend-cache-restriction-{signal is post_save}",
        )
