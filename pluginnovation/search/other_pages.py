"""The site's pages that the search does not list among its hits (news, events, projects)
and that match its words: named below a search without hits, so that a visitor looking for
the final conference is not told to check her spelling."""

from django.utils.translation import get_language

from wagtail.models import Page

from pluginnovation.content.visibility import visible
from pluginnovation.discovery.cache import cached
from pluginnovation.news.models import EventPage, NewsPage
from pluginnovation.projects.models import ProjectPage

SHOWN = 5


def other_pages(words, request):
    """[(title, url, language)] of at most SHOWN live, public news, event and project pages
    with every word, in any language (the English search finds Swedish content too). The
    language is "" where it is the one shown, else its code for lang="…". Two queries (the
    search, then which of its best are visible, with their languages), kept per content
    version."""

    def find():
        pages = Page.objects.live().type(NewsPage, EventPage, ProjectPage)
        # Restricted pages are left out after the search, which takes no subquery filters.
        best = pages.search(" ".join(words), operator="and")[: SHOWN * 4]
        order = {page.pk: rank for rank, page in enumerate(best)}
        found = visible(Page.objects.filter(pk__in=order)).select_related("locale")
        found = sorted(found, key=lambda page: order[page.pk])[:SHOWN]
        shown = get_language()
        return [
            (
                page.title,
                page.get_url(request),
                "" if page.locale.language_code == shown else page.locale.language_code,
            )
            for page in found
        ]

    key = (tuple(words), get_language())
    return cached(request, "search-other-pages", key, find)
