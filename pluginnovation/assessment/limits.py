"""A bound on how fast one client can create assessments (new ones and copies).

A counter per client address in the Django cache, for one hour. A person or a school team
creates a handful; a bot creating them in a loop gets a friendly 429 page instead.
"""

from django.conf import settings
from django.core.cache import cache

from pluginnovation.security import client_ip

WINDOW_SECONDS = 60 * 60


def new_per_hour():
    return getattr(settings, "ASSESSMENT_NEW_PER_HOUR", 30)


def allow_new(request):
    """Count one new assessment for this client; False once over the limit."""
    key = f"assessment-new:{client_ip(request) or 'unknown'}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= new_per_hour()
