"""Keeping bots out without a third-party service: a field people never see (the honeypot), a
signed time stamp of when the form was shown (a person needs more than a few seconds, a stale
or forged stamp is refused), and the shared hourly bound per client address."""

import time

from django.conf import settings
from django.core import signing

from pluginnovation.ratelimit import allow

HONEYPOT_FIELD = "webbplats"
TIMESTAMP_FIELD = "starttid"
SALT = "pluginnovation.submissions.form-shown"
MAX_TOKEN_LENGTH = 200
# A form open for longer than this must be sent again (the page is reloaded with a new stamp).
MAX_AGE_SECONDS = 24 * 60 * 60

TOO_FAST = (
    "Formuläret skickades för snabbt för att vi ska kunna skilja det från automatiska "
    "utskick. Kontrollera uppgifterna och skicka igen."
)
EXPIRED = (
    "Formuläret har varit öppet för länge eller kunde inte kontrolleras. Dina uppgifter finns "
    "kvar: kontrollera dem och skicka igen."
)
TRAP_FILLED = (
    "Formuläret kunde inte skickas: ett fält som ska lämnas tomt var ifyllt (det kan hända om "
    "webbläsaren fyller i formulär automatiskt). Kontrollera uppgifterna och skicka igen."
)


def min_seconds():
    return getattr(settings, "SUBMISSIONS_MIN_SECONDS", 3)


def per_hour():
    return getattr(settings, "SUBMISSIONS_PER_HOUR", 20)


def allow_post(request):
    """Count one more sent form from this client; False once over the hourly bound."""
    return allow(request, "submission", per_hour())


def new_token(now=None):
    return signing.dumps(int(now if now is not None else time.time()), salt=SALT)


def shown_at(token):
    """When the form carrying `token` was shown (epoch seconds), or None if the token is
    missing, forged, malformed or older than MAX_AGE_SECONDS."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except (signing.BadSignature, ValueError, TypeError):  # SignatureExpired is a BadSignature
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def spam_problem(data, now=None):
    """(message, fresh_token) for a sent form: message is None if it passes; fresh_token is a
    new stamp when the old one cannot be kept, else the one sent (the clock keeps running from
    when the form was first shown)."""
    now = now if now is not None else time.time()
    token = data.get(TIMESTAMP_FIELD, "")
    started = shown_at(token)
    if started is None:
        return EXPIRED, new_token(now)
    if data.get(HONEYPOT_FIELD, ""):
        return TRAP_FILLED, token
    if now - started < min_seconds():
        return TOO_FAST, token
    return None, token
