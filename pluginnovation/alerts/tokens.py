"""The signed links in alert mails. Each signs the subscription's random key (never the
address) with a salt of its own, so a confirmation link cannot unsubscribe and vice versa, and
each expires: a confirmation link after CONFIRM_MAX_AGE, an unsubscribe link after
UNSUBSCRIBE_MAX_AGE (every digest carries a fresh one)."""

from django.core import signing

from pluginnovation.alerts.models import CONFIRM_MAX_AGE, UNSUBSCRIBE_MAX_AGE, Subscription

CONFIRM_SALT = "pluginnovation.alerts.confirm"
UNSUBSCRIBE_SALT = "pluginnovation.alerts.unsubscribe"
# Longer than any token this module makes; anything longer is not read at all.
MAX_TOKEN_LENGTH = 200


def confirm_token(subscription):
    return signing.dumps(subscription.key, salt=CONFIRM_SALT, compress=False)


def unsubscribe_token(subscription):
    return signing.dumps(subscription.key, salt=UNSUBSCRIBE_SALT, compress=False)


# What reading a token found.
VALID, EXPIRED, INVALID, GONE = "valid", "expired", "invalid", "gone"


def _read(token, salt, max_age):
    """(VALID, subscription), or (EXPIRED | INVALID | GONE, None)."""
    if not isinstance(token, str) or len(token) > MAX_TOKEN_LENGTH:
        return INVALID, None
    try:
        key = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        return EXPIRED, None
    except (signing.BadSignature, ValueError, TypeError, UnicodeError):
        # A mangled payload under a good signature cannot happen, but is read safely too.
        return INVALID, None
    if not isinstance(key, str):
        return INVALID, None
    subscription = Subscription.objects.filter(key=key).first()
    return (VALID, subscription) if subscription is not None else (GONE, None)


def read_confirm_token(token):
    return _read(token, CONFIRM_SALT, CONFIRM_MAX_AGE)


def read_unsubscribe_token(token):
    return _read(token, UNSUBSCRIBE_SALT, UNSUBSCRIBE_MAX_AGE)
