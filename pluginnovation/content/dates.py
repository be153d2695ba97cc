"""Dates an editor types that cannot be right: a year long before anything in the knowledge
bank (1066 for 2016), a check of the content that has not happened yet, or a publication date
far ahead (2099 for 2019), which would keep the page first in every newest-first list.

Checked in the admin's page form (content.forms.PageForm), on what the editor sends: not on
the model, whose full_clean also runs when a version saved earlier is published (a scheduled
publication, an approval), which must not fail on a date nobody is typing."""

import datetime

from django.utils import timezone

EARLIEST = datetime.date(1950, 1, 1)
TOO_EARLY = "Datumet ligger före 1950. Kontrollera året."
NOT_YET = (
    "Datumet ligger i framtiden, men det ska vara den dag en redaktör senast gick igenom "
    "innehållet. Kontrollera datumet."
)

# A page may carry a publication day a little ahead (a report out next week), or the day it is
# scheduled to go live; further than that is a typo.
PUBLISHED_AHEAD = datetime.timedelta(days=31)
TOO_LATE = (
    "Datumet ligger mer än en månad fram. Listorna visar nyast först, så sidan skulle ligga "
    "överst i dem länge. Ska sidan publiceras senare, välj det under Schemalägg publicering. "
    "Kontrollera datumet."
)


# The page types' date fields: when the content was given out or last checked (ContentPage),
# a news item's day.
PLAUSIBLE = ("published_date", "last_reviewed", "date")
NOT_AFTER_TODAY = ("last_reviewed",)
# The days that lists are ordered by (newest first): a content page's publication, a news
# item's day.
PUBLICATION_DAYS = ("published_date", "date")


def date_errors(values):
    """{field: message} for the dates among `values` (a form's cleaned data) that cannot be
    right: a year before EARLIEST, a check of the content after today, or a publication day
    more than PUBLISHED_AHEAD after today and after the day the page is scheduled to go live."""
    errors = {}
    for name in PLAUSIBLE:
        value = values.get(name)
        if isinstance(value, datetime.date) and value < EARLIEST:
            errors[name] = TOO_EARLY
    for name in NOT_AFTER_TODAY:
        value = values.get(name)
        if isinstance(value, datetime.date) and value > timezone.localdate():
            errors.setdefault(name, NOT_YET)
    go_live = values.get("go_live_at")
    latest = timezone.localdate() + PUBLISHED_AHEAD
    if isinstance(go_live, datetime.datetime):
        latest = max(latest, timezone.localdate(go_live))
    for name in PUBLICATION_DAYS:
        value = values.get(name)
        if isinstance(value, datetime.date) and value > latest:
            errors.setdefault(name, TOO_LATE)
    return errors
