"""The plain error pages (400, 500, 503), in the language of the address asked for.

They are sent when a page cannot be rendered: no context processors, no database, only the
translations of the path's language (Swedish, or English under /en/). The language is set here
because the error may come before LocaleMiddleware has chosen it (a request too large to read).
"""

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.template import loader
from django.utils import translation
from django.views import defaults


def plain_page(request, template_name, status):
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        return HttpResponse(loader.get_template(template_name).render(), status=status)


def bad_request(request, exception, template_name="400.html"):
    return plain_page(request, template_name, 400)


# A body Django cannot read (a multipart body without a boundary, too many fields): in a view
# Django answers 400 for these itself, but not inside an error handler.
UNREADABLE = (MultiPartParserError, BadRequest, SuspiciousOperation)


def page_not_found(request, exception, template_name="404.html"):
    """Django's 404 page. It checks a POST's CSRF token (requires_csrf_token), which reads the
    body; a body it cannot read escaped the handler as a 500, mailing the administrators once
    a request: it gets the 400 page."""
    try:
        return defaults.page_not_found(request, exception, template_name)
    except UNREADABLE as error:
        return bad_request(request, error)


def permission_denied(request, exception, template_name="403.html"):
    """Django's 403 page, which reads a POST's body as the 404 page does."""
    try:
        return defaults.permission_denied(request, exception, template_name)
    except UNREADABLE as error:
        return bad_request(request, error)
