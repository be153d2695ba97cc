"""A bound on how fast one client can create things the site keeps for months (anonymous
assessments, collections): a counter per kind and client address in the shared cache, for an
hour. A person or a school team creates a handful; a bot doing it in a loop is refused."""

from django.core.cache import cache

from pluginnovation.security import client_ip

WINDOW_SECONDS = 60 * 60


def allow(request, kind, per_hour):
    """Count one more `kind` for this client; False once past `per_hour` in the window."""
    key = f"ratelimit:{kind}:{client_ip(request) or 'unknown'}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= per_hour
