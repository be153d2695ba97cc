"""How a browser finds its own collection: a cookie with the collection's owner key.

The cookie (COOKIE) is signed with the site's secret, HttpOnly, SameSite=Lax, secure where the
session cookie is, and lasts RETENTION from the collection's last use, as the collection does.
It is deliberately not a session: a session cookie makes every page its holder opens their own
(pluginnovation.delivery.policy), so a visitor with saved pages would be rendered every page
anew, past the page cache and any CDN, for a year. No public page reads this cookie; only the
views of Min samling do, and their answers are private.

Collections saved before the cookie existed are found through the session as before, and
moved to the cookie on that visit (`from_session`).
"""

from django.conf import settings

from pluginnovation.delivery.sessions import site_length
from pluginnovation.saved.models import RETENTION, Collection

COOKIE = "samling_id"
SALT = "pluginnovation.saved.owner"
# Where the session held the collection's id before the cookie.
SESSION_KEY = "saved_collection"
# What a request remembers of its collection, for the response's cookie (cookie_follows).
FOUND = "_saved_collection"


def collection(request, create=False):
    """The visitor's collection, or None; with create, a new one when there is none. The
    view's response must then carry the cookie (cookie_follows)."""
    key = request.get_signed_cookie(COOKIE, default=None, salt=SALT, max_age=RETENTION)
    found = Collection.objects.filter(owner_key=key).first() if key else None
    if found is None:
        found = from_session(request)
    if found is None and create:
        found = Collection.objects.create()
    setattr(request, FOUND, found)
    return found


def from_session(request):
    """A collection the session held, moved out of it: the session goes back to the site's
    own length, which it had been given beyond while it held a collection."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None  # never start a session just to look
    pk = request.session.get(SESSION_KEY)
    if not isinstance(pk, int):
        return None
    del request.session[SESSION_KEY]
    site_length(request)
    return Collection.objects.filter(pk=pk).first()


def cookie_follows(request, response):
    """The cookie renewed for the collection the view found or made, or removed when the
    browser sent one that finds none (a collection removed after a year unused, or a cookie
    not made here). Untouched when the view did not look."""
    if not hasattr(request, FOUND):
        return response
    found = getattr(request, FOUND)
    if found is not None:
        response.set_signed_cookie(
            COOKIE,
            found.owner_key,
            salt=SALT,
            max_age=int(RETENTION.total_seconds()),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    elif COOKIE in request.COOKIES:
        response.delete_cookie(COOKIE, samesite="Lax")
    return response
