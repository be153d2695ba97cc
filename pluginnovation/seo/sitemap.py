"""The sitemap: every live, public page of the site, as Wagtail lists them."""

from urllib.parse import urlsplit

from wagtail.contrib.sitemaps import Sitemap


class SiteSitemap(Sitemap):
    """Wagtail's sitemap, with each address on the scheme and host the request came in on.

    Wagtail builds addresses from the Site record (often http://localhost until an editor
    changes it); canonical links, feeds and robots.txt use the request, and so does this.
    """

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            parts = urlsplit(url["location"])
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            url["location"] = self.request.build_absolute_uri(path)
        return urls
