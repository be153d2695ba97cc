"""Django's method decorators for views that take forms, answering a method they do not take
with a page of the site.

Django answers with an empty 405, a blank page to whoever opens a form's address directly (a
bookmark, a copied link). This one says, in the site's language, what the address is for.
Views that only show something keep Django's require_safe: a POST to them is no visitor's.
"""

from functools import wraps

from django.shortcuts import render
from django.utils.log import log_response


def not_allowed(request, permitted):
    response = render(request, "405.html", status=405)
    response["Allow"] = ", ".join(permitted)
    log_response(
        "Method Not Allowed (%s): %s",
        request.method,
        request.path,
        response=response,
        request=request,
    )
    return response


def require_http_methods(permitted):
    def decorator(view):
        @wraps(view)
        def inner(request, *args, **kwargs):
            if request.method not in permitted:
                return not_allowed(request, permitted)
            return view(request, *args, **kwargs)

        return inner

    return decorator


require_POST = require_http_methods(["POST"])
