"""Access logs without the secret part of an address.

Some addresses carry a token that is the only key to what they open: a self-assessment's
edit and read links, a shared collection, an alert's confirm and unsubscribe links, an
editor's password reset link. Whoever
reads the server's logs must not be able to open them, so a token is logged as "***", in the
request line and in the Referer too (a page sends its full address as Referer to pages of the
same site). For gunicorn: `--logger-class pluginnovation.access_log.Logger`; deploy/nginx.conf
does the same with a map; Django's own log lines (a 400 or 404 names its path) go through
MaskedTokens (settings LOGGING). tests/test_access_log.py checks that every address with a token in
the URL configuration is covered here.
"""

import logging
import re

from gunicorn.glogging import Logger as GunicornLogger

TOKEN = re.compile(
    r"(/(?:sjalvskattning/(?:redigera|delad)|samling/delad|bevaka/(?:bekrafta|avsluta)"
    r"|admin/password_reset/confirm/[^/?#\s\"]+)/)"
    r"[^/?#\s\"]+"
)
MASK = "***"


def masked(text):
    """The text with every token in an address replaced by ***."""
    return TOKEN.sub(rf"\g<1>{MASK}", text) if isinstance(text, str) else text


class Logger(GunicornLogger):
    """gunicorn's logger, writing every part of an access log line without tokens."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: masked(value) for key, value in atoms.items()}


class MaskedTokens(logging.Filter):
    """A log record's message with every token in an address written as ***."""

    def filter(self, record):
        message = record.getMessage()
        if TOKEN.search(message):
            record.msg, record.args = masked(message), ()
        return True
