"""Security headers and the client address used for login lock-outs.

The public site gets a strict Content-Security-Policy (no inline script or style). Wagtail's
admin still renders some inline script and style, so paths under ADMIN_PATH_PREFIXES get the
looser policy in settings.CONTENT_SECURITY_POLICY_ADMIN instead.
"""

from django.conf import settings
from django.middleware import csrf
from django.shortcuts import render

from csp.constants import SELF
from csp.middleware import CSPMiddleware


def is_admin_path(path):
    return path.startswith(tuple(settings.ADMIN_PATH_PREFIXES))


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin policy swapped in for admin paths.

    Wagtail renders a page preview by running a dummy request for the page's public address
    through the middleware; that page keeps the strict policy but may be framed by the admin.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A policy set on the response by a view decorator still wins.
        if report_only or parts.config is not None:
            return parts
        if is_admin_path(request.path_info):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        elif getattr(request, "is_dummy", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


class PermissionsPolicyMiddleware:
    """Turns off browser features the site never uses (Django has no setting for this)."""

    def __init__(self, get_response):
        self.get_response = get_response
        policy = settings.PERMISSIONS_POLICY
        self.header = ", ".join(f"{name}=({' '.join(allow)})" for name, allow in policy.items())

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


def client_ip(request):
    """The visitor's IP address, for django-axes.

    Behind TRUSTED_PROXY_COUNT proxies that each append to X-Forwarded-For, the address our
    outermost proxy saw is that many entries from the right. Entries further left come from the
    client and could be forged, so they are never used.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote_addr
    return forwarded[-count]


def csrf_failure(request, reason=""):
    """settings.CSRF_FAILURE_VIEW: Django's own page is English, names its settings and has no
    way back; this one says in the site's language what to do. Without the cookie, cookies are
    off (or were removed); otherwise the page was older than the token (a sign-in or sign-out
    in another tab), and loading it again is enough."""
    no_cookie = reason == csrf.REASON_NO_CSRF_COOKIE
    return render(request, "403_csrf.html", {"no_cookie": no_cookie}, status=403)
