"""How many assessments (new ones and copies) one client may create in an hour."""

from django.conf import settings

from pluginnovation.ratelimit import allow


def new_per_hour():
    return getattr(settings, "ASSESSMENT_NEW_PER_HOUR", 30)


def allow_new(request):
    """Count one new assessment for this client; False once over the limit."""
    return allow(request, "assessment-new", new_per_hour())
