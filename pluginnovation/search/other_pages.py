"""The site's pages that the search does not list among its hits (news, events, projects)
and that match its words: named below a search without hits (or with hits for only some of
its words), so that a visitor looking for the final conference is not told to check her
spelling."""

from django.utils.translation import get_language

from wagtail.models import Locale, Page

from pluginnovation.discovery.cache import cached
from pluginnovation.news.models import EventPage, NewsPage
from pluginnovation.projects.models import ProjectPage

SHOWN = 5


def other_pages(words, request, any_word=False):
    """[(title, url, language)] of at most SHOWN live, public news, event and project pages
    with every word (or, like the content search's last resort, any of them), in any language
    (the English search finds Swedish content too). The language is "" where it is the one
    shown, else its code for lang="…". Three queries (the restrictions, the search, the
    languages), kept per content version."""

    def find():
        pages = Page.objects.live().public().type(NewsPage, EventPage, ProjectPage)
        operator = "or" if any_word else "and"
        found = list(pages.search(" ".join(words), operator=operator)[:SHOWN])
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        shown = get_language()
        return [
            (
                page.title,
                page.get_url(request),
                "" if languages.get(page.locale_id) == shown else languages.get(page.locale_id),
            )
            for page in found
        ]

    key = (tuple(words), any_word, get_language())
    return cached(request, "search-other-pages", key, find)
