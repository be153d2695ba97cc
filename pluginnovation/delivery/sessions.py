"""Sessions made longer than the site's own length go back to it.

Before Min samling had a cookie of its own (pluginnovation.saved.owner), a session holding a
collection was kept 12 months. Such sessions may still be out there until a year after that
change: logging in or giving a page or document password brings one back to the site's own
length (Wagtail lets those last at most that long, or until the browser closes), as does the
collection moving out of it.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in


def site_length(request):
    """The session back to the site's own length, if it was made longer."""
    if request.session.get_expiry_age() > settings.SESSION_COOKIE_AGE:
        request.session.set_expiry(None)


def site_length_on_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        site_length(request)


def connect_signals():
    user_logged_in.connect(site_length_on_login, dispatch_uid="delivery-session-length")
