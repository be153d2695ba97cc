"""The main menu and the footer links: from the page tree and the site's footer setting.

Every public page shows them, so they are read once and kept in the cache until a page, a view
restriction, a site or the footer setting changes (the signals below clear them once the change
is committed), instead of costing two or three queries on every request.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from pluginnovation.content.visibility import visible

MAX_AGE = 300  # other processes with their own cache see a change within five minutes


# {(site id, language): links} for every site and language, so one delete forgets them all.
CACHE_KEY = "navigation"


def site_links(site, request=None):
    """{"menu": [(title, url)], "footer": [(title, url)], "footer_text": str} for a site, in
    the active language: the menu is the pages in menus below that language's home page, and
    each footer page is shown in its translation where one is published."""
    from pluginnovation.home.models import FooterSettings  # the models import this module

    language = get_language()
    home = site.root_page.localized
    menu = visible(home.get_children().in_menu()) if home.live else []
    footer = FooterSettings.for_site(site)
    chosen = [block.value for block in footer.links if block.value]
    translations = visible(
        Page.objects.filter(
            translation_key__in=[page.translation_key for page in chosen],
            locale__language_code=language,
        )
    )
    by_key = {page.translation_key: page for page in translations}
    fallback = visible(Page.objects.filter(pk__in=[page.pk for page in chosen])).in_bulk()
    footer_pages = [by_key.get(page.translation_key) or fallback.get(page.pk) for page in chosen]
    return {
        "menu": [(page.title, page.get_url(request)) for page in menu],
        "footer": [(page.title, page.get_url(request)) for page in footer_pages if page],
        "footer_text": footer.owner_text_in(language),
    }


def links_for_request(request):
    """The site's links, read once per request (the menu and the footer both ask)."""
    if request is None:
        return {"menu": [], "footer": [], "footer_text": ""}
    if not hasattr(request, "_site_links"):
        request._site_links = cached_links(request)
    return request._site_links


def cached_links(request):
    site = Site.find_for_request(request)
    if site is None:
        return {"menu": [], "footer": [], "footer_text": ""}
    by_site = cache.get(CACHE_KEY) or {}
    key = (site.pk, get_language())
    if key not in by_site:
        by_site[key] = site_links(site, request)
        cache.set(CACHE_KEY, by_site, MAX_AGE)
    return by_site[key]


def clear():
    cache.delete(CACHE_KEY)


def forget(**kwargs):
    """Something the links show changed: every site's links are read again, once the change is
    committed (before, another request could cache the old links again)."""
    transaction.on_commit(clear)


def forget_page(instance, **kwargs):
    """A page was saved or published: only the top of the tree (the menu's pages) and the
    footer's pages are shown in the links, so edits deeper down leave them cached."""
    from pluginnovation.home.models import FooterSettings

    if instance.depth <= 3 or any(
        instance.pk in [block.value.pk for block in footer.links if block.value]
        for footer in FooterSettings.objects.all()
    ):
        forget()


def on_save(sender, instance, **kwargs):
    from pluginnovation.home.models import FooterSettings

    if isinstance(instance, Page):
        forget_page(instance)
    elif isinstance(instance, PageViewRestriction | Site | FooterSettings):
        forget()


def on_delete(sender, instance, **kwargs):
    from pluginnovation.home.models import FooterSettings

    if isinstance(instance, Page | PageViewRestriction | Site | FooterSettings):
        forget()


def connect_signals():
    post_save.connect(on_save, dispatch_uid="navigation-save")
    post_delete.connect(on_delete, dispatch_uid="navigation-delete")
    for signal in (page_published, page_unpublished):
        signal.connect(forget_page, dispatch_uid=f"navigation-{id(signal)}")
    # A move changes the addresses of every page below the moved one.
    post_page_move.connect(forget, dispatch_uid="navigation-move")
