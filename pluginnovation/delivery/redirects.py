"""Wagtail's redirects, never to a page a visitor may not see.

Wagtail makes a redirect whenever a page's slug changes or it moves (and editors add their
own), and its middleware follows one to its page whatever became of that page since: an old
address would then name a draft's new slug, or the section a page was moved into behind a
password. A redirect to a page that is not live, or lies under a view restriction the visitor
does not pass, answers as if the old address never existed (the 404 it would otherwise have
been).
"""

from urllib.parse import urlparse

from wagtail.contrib.redirects import middleware
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from pluginnovation.content.visibility import visible


class RedirectMiddleware(middleware.RedirectMiddleware):
    def process_response(self, request, response):
        redirected = super().process_response(request, response)
        if redirected is response:
            return response
        redirect = found(request)
        page_id = getattr(redirect, "redirect_page_id", None)
        if page_id is None or visible(Page.objects.filter(pk=page_id)).exists():
            return redirected
        # Restricted: followed by whoever may see the page (signed in, in its groups, or has
        # given its password), as Wagtail's serve would decide.
        page = Page.objects.filter(pk=page_id, live=True).first()
        if page is not None and all(
            restriction.accept_request(request) for restriction in page.get_view_restrictions()
        ):
            return redirected
        return response


def found(request):
    """The redirect Wagtail's middleware follows for this request, looked up as it does."""
    path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
    return middleware.get_redirect(request, path) or middleware.get_redirect(
        request, urlparse(path).path
    )
