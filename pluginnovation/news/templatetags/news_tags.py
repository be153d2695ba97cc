"""{% latest_news %}: the newest news items for the home page (or any page)."""

from django import template

from pluginnovation.content.visibility import visible
from pluginnovation.news.models import NewsIndexPage

register = template.Library()

LATEST_COUNT = 3


@register.inclusion_tag("news/includes/latest_news.html")
def latest_news(count=LATEST_COUNT):
    """The news archive's newest items that a visitor may see; nothing without an archive.
    Two queries: the archive page, then its items with their success factors."""
    index = visible(NewsIndexPage.objects.all()).order_by("path").first()
    if index is None:
        return {"items": [], "index": None}
    return {"items": list(index.news()[:count]), "index": index}
