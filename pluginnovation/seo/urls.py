from django.urls import path

from wagtail.contrib.sitemaps.views import sitemap

from pluginnovation.seo.feeds import FactorFeed, LatestContentFeed
from pluginnovation.seo.sitemap import SiteSitemap
from pluginnovation.seo.views import robots_txt

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("flode/", LatestContentFeed(), name="feed"),
    path("flode/<slug:slug>/", FactorFeed(), name="factor_feed"),
]
