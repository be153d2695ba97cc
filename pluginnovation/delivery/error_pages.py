"""The plain error pages (400, 500, 503), in the language of the address asked for, and
Django's own 404 and 403 pages kept from a body they cannot read.

The plain pages are sent when a page cannot be rendered: no context processors, no database,
only the translations of the path's language (Swedish, or English under /en/). The language is
set here because the error may come before LocaleMiddleware has chosen it (a request too large
to read).
"""

import logging

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


def unreadable_body(request):
    """The 400 page when the request is a POST whose body Django cannot read, else None.

    Django's 404 and 403 views check a POST's CSRF token (requires_csrf_token), which reads
    the body; a body they cannot read escaped the handler as a 500, mailing the administrators
    once a request (a bot's POST to /wp-login.php). Read here first, so only that is caught,
    not an error in rendering the page, and logged as Django logs it in a view."""
    if request.method != "POST":
        return None
    try:
        request.POST  # noqa: B018 - reading it is the check
    except UNREADABLE as error:
        security_logger(error).warning("%s", error, extra={"request": request})
        return bad_request(request, error)
    return None


def security_logger(error):
    if isinstance(error, SuspiciousOperation):
        return logging.getLogger(f"django.security.{type(error).__name__}")
    return logging.getLogger("django.request")


def page_not_found(request, exception, template_name="404.html"):
    return unreadable_body(request) or defaults.page_not_found(request, exception, template_name)


def permission_denied(request, exception, template_name="403.html"):
    return unreadable_body(request) or defaults.permission_denied(request, exception, template_name)
