"""Django's method decorators, answering a method a view does not take with a page of the site.

Django answers with an empty 405, a blank page to whoever opens a form's address directly (a
bookmark, a copied link). This one says, in the site's language, what the address is for. A
view that only shows something (require_safe, and every Wagtail page: delivery/wagtail_hooks.py)
says that nothing was sent or changed: such pages answered a POST or DELETE with the page, as if
something had been done.
"""

from functools import wraps

from django.shortcuts import render
from django.utils.log import log_response


def not_allowed(request, permitted):
    read_only = "POST" not in permitted
    response = render(request, "405.html", {"read_only": read_only}, status=405)
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
SAFE_METHODS = ["GET", "HEAD"]
require_safe = require_http_methods(SAFE_METHODS)
