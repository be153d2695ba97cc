"""The plain error pages (400, 500, 503), in the language of the address asked for.

They are sent when a page cannot be rendered: no context processors, no database, only the
translations of the path's language (Swedish, or English under /en/). The language is set here
because the error may come before LocaleMiddleware has chosen it (a request too large to read).
"""

from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.utils import translation


def plain_page(request, template_name, status):
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        return HttpResponse(loader.get_template(template_name).render(), status=status)


def bad_request(request, exception, template_name="400.html"):
    return plain_page(request, template_name, 400)
