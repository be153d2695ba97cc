"""How long a visitor's session lasts when it holds things of their own.

Min samling and the self-assessment are kept 12 months from their last use, and the session's
cookie is how the browser finds them again. Django's sessions last two weeks
(SESSION_COOKIE_AGE), which is right for editors' logins but would lose a collection long
before it is removed. keep_for() makes a visitor's session last as long as what it holds;
logging in gives the session the site's own length again (Wagtail's admin login sets it too,
but not every login does).
"""

import datetime

from django.contrib.auth.signals import user_logged_in

# A session is renewed at most this often: renewing writes it.
RENEW_INTERVAL = datetime.timedelta(days=1)


def keep_for(request, retention):
    """Make the session last `retention` from now, unless it already lasts nearly as long."""
    if request.session.get_expiry_age() < (retention - RENEW_INTERVAL).total_seconds():
        request.session.set_expiry(retention)


def site_length_on_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session.set_expiry(None)


def connect_signals():
    user_logged_in.connect(site_length_on_login, dispatch_uid="delivery-session-length")
