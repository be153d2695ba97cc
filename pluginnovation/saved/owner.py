"""How a browser finds its own collection: a cookie with the collection's owner key.

The cookie (COOKIE) is signed with the site's secret, HttpOnly, SameSite=Lax, secure where the
session cookie is, and lasts RETENTION from the collection's last use, as the collection does.
It is deliberately not a session: a session cookie makes every page its holder opens their own
(pluginnovation.delivery.policy), so a visitor with saved pages would be rendered every page
anew, past the page cache and any CDN, for a year. No public page reads this cookie; only the
views of Min samling do, and their answers are private.

Collections saved before the cookie existed are found through the session as before and
moved to the cookie in two steps, so none is lost: the first answer sets the cookie and leaves
the session as it is; the session lets go only on a later request that brings the cookie back
(a fetch cut off by the next page may never have delivered it). A session left with nothing
else is removed, its cookie with it: until then its holder's pages are not the cached copy.
"""

from django.conf import settings

from pluginnovation.delivery.sessions import site_length
from pluginnovation.saved.models import RETENTION, Collection, new_owner_key

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
    held = held_by_session(request)
    if held is not None and found is not None:
        # The cookie arrived, so the session can let go. Should it hold another collection
        # (which this site never makes), the cookie's is the one the visitor has been using.
        let_go(request)
    elif held is not None:
        found = Collection.objects.filter(pk=held).first()
        if found is None:
            let_go(request)  # removed after a year unused
    if found is None and create:
        found = Collection.objects.create()
    if found is not None and not found.owner_key:
        # Written by the code before the owner key, during the deploy that added it.
        found.owner_key = new_owner_key()
        Collection.objects.filter(pk=found.pk).update(owner_key=found.owner_key)
    setattr(request, FOUND, found)
    return found


def held_by_session(request):
    """The id of the collection the session held before the cookie, or None; never starts a
    session just to look."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    pk = request.session.get(SESSION_KEY)
    return pk if isinstance(pk, int) else None


def let_go(request):
    """The session forgets the collection and goes back to the site's own length, which it
    was given beyond while it held a collection; holding nothing else, it is removed."""
    session = request.session
    del session[SESSION_KEY]
    site_length(request)
    if not session.keys():
        session.flush()


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
