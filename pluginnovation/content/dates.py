"""Dates an editor types that cannot be right: a year long before anything in the knowledge
bank (1066 for 2016), or a check of the content that has not happened yet."""

import datetime

from django.utils import timezone

EARLIEST = datetime.date(1950, 1, 1)
TOO_EARLY = "Datumet ligger före 1950. Kontrollera året."
NOT_YET = (
    "Datumet ligger i framtiden, men det ska vara den dag en redaktör senast gick igenom "
    "innehållet. Kontrollera datumet."
)


def date_errors(instance, plausible=(), not_after_today=()):
    """{field: message} for the date fields of `instance` that cannot be right: those in
    `plausible` before EARLIEST, those in `not_after_today` after today."""
    errors = {}
    for name in plausible:
        value = getattr(instance, name)
        if value and value < EARLIEST:
            errors[name] = TOO_EARLY
    for name in not_after_today:
        value = getattr(instance, name)
        if value and value > timezone.localdate():
            errors.setdefault(name, NOT_YET)
    return errors
