"""How long a visitor's session lasts when it holds their Min samling.

A collection is kept 12 months from its last use, and the session's cookie is how the browser
finds it again. Django's sessions last two weeks (SESSION_COOKIE_AGE), which is right for
everything else a session may hold, so only a session that holds nothing but a visitor's own
things is made longer: never one someone is logged in with, nor one holding a page or document
password the visitor has given (Wagtail lets those last at most the site's own length, or until
the browser closes). Logging in, or giving a password, later brings the session back to the
site's own length (Wagtail's admin login sets it too, but not every login does).
"""

import datetime

from django.conf import settings
from django.contrib.auth import SESSION_KEY as LOGGED_IN
from django.contrib.auth.signals import user_logged_in

# A session is renewed at most this often: renewing writes it.
RENEW_INTERVAL = datetime.timedelta(days=1)
# Where Wagtail keeps the page and document passwords a visitor has given.
PASSED_PASSWORDS = ("passed_page_view_restrictions", "passed_collection_view_restrictions")


def visitors_own(session):
    """Whether the session holds nothing that must not outlive the site's session length."""
    return LOGGED_IN not in session and not any(key in session for key in PASSED_PASSWORDS)


def keep_for(request, retention):
    """Make a visitor's session last `retention` from now, unless it already lasts nearly as
    long or holds more than the visitor's own things."""
    session = request.session
    if not visitors_own(session):
        return
    if session.get_expiry_age() < (retention - RENEW_INTERVAL).total_seconds():
        session.set_expiry(retention)


def site_length(request):
    """The session back to the site's own length, if it was made longer."""
    if request.session.get_expiry_age() > settings.SESSION_COOKIE_AGE:
        request.session.set_expiry(None)


def site_length_on_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        site_length(request)


def connect_signals():
    user_logged_in.connect(site_length_on_login, dispatch_uid="delivery-session-length")
