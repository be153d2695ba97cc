from django.conf import settings
from django.urls import path
from django.views.generic import RedirectView

from wagtail.contrib.sitemaps.views import sitemap

from pluginnovation.http_methods import require_safe
from pluginnovation.seo.feeds import FactorFeed, LatestContentFeed
from pluginnovation.seo.sitemap import SiteSitemap
from pluginnovation.seo.views import robots_txt

# Browsers and feed readers ask for /favicon.ico whatever the page links to. Browsers keep a
# permanent redirect for good, so it points at the file's stable name, not its hashed one.
favicon = RedirectView.as_view(url=f"{settings.STATIC_URL}favicon.svg", permanent=True)

urlpatterns = [
    path(
        "sitemap.xml",
        require_safe(sitemap),
        {"sitemaps": {"wagtail": SiteSitemap}},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("flode/", require_safe(LatestContentFeed()), name="feed"),
    path("flode/<slug:slug>/", require_safe(FactorFeed()), name="factor_feed"),
]
