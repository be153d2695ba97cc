"""Views answering Wagtail's own admin addresses, placed ahead of the admin's URLs
(pluginnovation/urls.py) and so outside the wrapping Wagtail gives every admin view."""

import functools

from django.http import Http404
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found

from wagtail.admin.auth import require_admin_access


def as_admin_view(view):
    """Wrapped as Wagtail wraps its admin's views (wagtail.admin.urls, whose module is not
    imported here: importing it builds the admin's URLs before every app's hooks are
    registered): signed-in editors only, the admin's own 404 page, never cached."""
    view = require_admin_access(view)

    @functools.wraps(view)
    def admin_view(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return page_not_found(request, "", template_name="wagtailadmin/404.html")

    return never_cache(admin_view)
