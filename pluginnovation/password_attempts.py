"""A bound on guessing the password of a protected page or document.

Wagtail's password forms (page and collection view restrictions) accept any number of tries;
django-axes guards only the editors' sign-in. Each client address gets a few tries per hour for
each restriction, then a Swedish 429 until the hour has passed. A visitor who has the password
needs one try; its session then opens the page.
"""

from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from wagtail import views as page_views
from wagtail.documents.views import serve as document_views

from pluginnovation.delivery.sessions import site_length
from pluginnovation.http_methods import require_http_methods
from pluginnovation.ratelimit import WINDOW_SECONDS, allow


def attempts_per_hour():
    return getattr(settings, "PASSWORD_ATTEMPTS_PER_HOUR", 10)


def limited(view, kind):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if request.method == "POST":
            restriction = next(iter(kwargs.values()), "")
            if not allow(request, f"password-{kind}-{restriction}", attempts_per_hour()):
                response = render(request, "password_too_many.html", status=429)
                response.headers["Retry-After"] = str(WINDOW_SECONDS)
                return response
        response = view(request, *args, **kwargs)
        if request.method == "POST":
            # A password given on a session kept long for Min samling before its own cookie
            # lasts no longer than Wagtail would let it (pluginnovation.delivery.sessions).
            site_length(request)
        return response

    return never_cache(guarded)


# The forms are shown and sent: any other method gets the site's 405 (TRACE rendered them).
form_methods = require_http_methods(["GET", "HEAD", "POST"])
page_password = form_methods(limited(page_views.authenticate_with_password, "page"))
document_password = form_methods(limited(document_views.authenticate_with_password, "document"))
