"""The site's pages that the search does not list among its hits (news, events, projects)
and that match its words: named below a search without hits, so that a visitor looking for
the final conference is not told to check her spelling."""

from django.utils.translation import get_language

from wagtail.models import Locale, Page

from pluginnovation.discovery.cache import cached
from pluginnovation.news.models import EventPage, NewsPage
from pluginnovation.projects.models import ProjectPage

SHOWN = 5


def other_pages(words, request):
    """[(title, url)] of at most SHOWN live, public news, event and project pages in the
    language shown with every word: one search query, kept per content version."""

    def find():
        pages = (
            Page.objects.live()
            .public()
            .type(NewsPage, EventPage, ProjectPage)
            .filter(locale=Locale.get_active())
        )
        found = pages.search(" ".join(words), operator="and")[:SHOWN]
        return [(page.title, page.get_url(request)) for page in found]

    return cached(request, "search-other-pages", (tuple(words), get_language()), find)
