"""The RSS feed of the news, at /aktuellt/rss/ (a route of the news index page)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone

FEED_SIZE = 20


class NewsFeed(Feed):
    """The newest news items a visitor may see. Built per request for one index page."""

    title = "PlugInnovation – aktuellt"
    description = "Nyheter från PlugInnovation och Plug In-projekten om att motverka studieavbrott."
    language = "sv"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def link(self):
        return self.index_page.url

    def items(self):
        return self.index_page.news()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        # A date has no time of day; midnight Swedish time keeps the day right in readers.
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [factor.name for factor in item.factors.all()]
