"""RSS feeds: everything new in the knowledge bank, and what is new under one success factor."""

import datetime
from itertools import chain

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from pluginnovation.content.models import NEWEST_FIRST, ContentPage
from pluginnovation.content.visibility import visible
from pluginnovation.news.models import public_news
from pluginnovation.taxonomy.models import SuccessFactor

FEED_SIZE = 30


def newest_content():
    """Live, public content pages, newest first, with what the items need fetched up front."""
    return (
        visible(ContentPage.objects.all())
        .order_by(*NEWEST_FIRST)
        .select_related("content_type")
        .prefetch_related("factors")
    )


class LatestContentFeed(Feed):
    title = "PlugInnovation – nytt i kunskapsbanken"
    link = "/"
    description = (
        "Ny forskning, nya fallstudier och metoder om att förebygga studieavbrott i "
        "gymnasieskolan, och nyheter från kunskapsbanken."
    )
    language = "sv"

    def items(self):
        # News belongs in "what is new" too; each list is cut first, so this stays two queries.
        items = chain(newest_content()[:FEED_SIZE], public_news()[:FEED_SIZE])
        return sorted(items, key=lambda item: (item.published_date, item.pk), reverse=True)[
            :FEED_SIZE
        ]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        # A date has no time of day; midnight Swedish time keeps the day right in readers.
        midnight = datetime.datetime.combine(item.published_date, datetime.time())
        return timezone.make_aware(midnight)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.type_label, *(factor.name for factor in item.factors.all())]


class FactorFeed(LatestContentFeed):
    """One success factor's feed, at /flode/<factor slug>/."""

    def get_object(self, request, slug):
        return get_object_or_404(SuccessFactor, slug=slug)

    def title(self, factor):
        return f"PlugInnovation – {factor.name}"

    def link(self, factor):
        return reverse("factor_detail", kwargs={"slug": factor.slug})

    def description(self, factor):
        return factor.definition

    def items(self, factor):
        return newest_content().filter(factors=factor)[:FEED_SIZE]
