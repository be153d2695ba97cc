"""{% latest_news %}: the newest news items for the home page (or any page)."""

from django import template

from pluginnovation.content.visibility import visible
from pluginnovation.discovery.cache import cached
from pluginnovation.news.models import NewsIndexPage

register = template.Library()

LATEST_COUNT = 3


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context, count=LATEST_COUNT):
    """The news archive's newest items that a visitor may see; nothing without an archive.
    Two queries (the archive page, then its items with their success factors), once per
    content version."""
    request = context.get("request")
    found = cached(request, "latest-news", count, lambda: newest_news(count))
    return {**found, "request": request}


def newest_news(count):
    index = visible(NewsIndexPage.objects.all()).order_by("path").first()
    if index is None:
        return {"items": [], "index": None}
    return {"items": list(index.news()[:count]), "index": index}
