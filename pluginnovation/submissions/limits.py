"""Bounds on how many tips are stored, counted in the database so that they hold across
processes and client addresses: a few per contact address a day, and a cap on all tips an
hour (a flood from many addresses fills no inbox and no table)."""

import datetime

from django.conf import settings
from django.utils import timezone

from pluginnovation.submissions.models import Submission

EMAIL_MAX_PER_DAY = 3
EMAIL_WINDOW = datetime.timedelta(hours=24)
HOUR = datetime.timedelta(hours=1)
DEFAULT_MAX_PER_HOUR = 60


def max_per_hour():
    return getattr(settings, "SUBMISSIONS_MAX_PER_HOUR", DEFAULT_MAX_PER_HOUR)


def too_many_from(address):
    """True once `address` has sent EMAIL_MAX_PER_DAY tips in the last 24 hours."""
    since = timezone.now() - EMAIL_WINDOW
    recent = Submission.objects.filter(contact_email__iexact=address, created__gte=since)
    return recent.count() >= EMAIL_MAX_PER_DAY


def over_hourly_cap():
    """True once the site has stored SUBMISSIONS_MAX_PER_HOUR tips in the last hour."""
    since = timezone.now() - HOUR
    return Submission.objects.filter(created__gte=since).count() >= max_per_hour()
