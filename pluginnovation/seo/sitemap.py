"""The sitemap: Wagtail's, over the site's home page in every language (the English pages
under /en/ are a second tree, the home page's translation, which Wagtail's own sitemap skips)."""

from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from pluginnovation.content.visibility import visible


class SiteSitemap(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        trees = reduce(or_, (Q(path__startswith=home.path) for home in homes))
        return visible(Page.objects.filter(trees)).order_by("path").defer_streamfields().specific()
