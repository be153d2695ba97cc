"""Responses that belong to one visitor: never stored by a cache, and with a token in the
address, never indexed or sent on.

`not_stored`: a form with a CSRF token, or a person's answer. `private_link`: besides, a page
that belongs to whoever holds its link (an assessment, a shared collection, an alert) or to one
visitor's session: no search engine indexes it or follows its links, and its address (with the
token) is never sent to another site as Referer. Not "no-referrer": with it the browser sends
"Origin: null" with the page's own forms, which the CSRF check refuses.
"""

from functools import wraps


def not_stored(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapped


def private_link(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "same-origin"
        return response

    return not_stored(wrapped)
