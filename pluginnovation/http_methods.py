"""Django's method decorators, answering a method a view does not take with a page of the site.

Django answers with an empty 405, a blank page to whoever opens a form's address directly (a
bookmark, a copied link). This one says, in the site's language, what the address is for.
"""

from functools import wraps

from django.shortcuts import render


def not_allowed(request, permitted):
    response = render(request, "405.html", status=405)
    response["Allow"] = ", ".join(permitted)
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
require_safe = require_http_methods(["GET", "HEAD"])
