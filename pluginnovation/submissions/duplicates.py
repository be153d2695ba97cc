"""The same tip sent twice. Back to the form after sending it, the browser fetches the form anew
and fills in what was typed; Skicka then sends the same tip again. A tip whose every answer
matches one sent within the last day is not stored again: the sender is told it has already
arrived. A tip with any answer changed (a corrected municipality, another factor) is a new one.

Kept in the shared cache as a digest of the answers (nothing readable); while the cache is away,
a tip sent twice is stored twice, as before, rather than refused.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Model, QuerySet

KEEP_SECONDS = 24 * 60 * 60


def answer(value):
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, QuerySet | list | tuple):
        return sorted(answer(item) for item in value)
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    return value


def key(form):
    """The digest of a valid form's answers."""
    answers = sorted((name, answer(value)) for name, value in form.cleaned_data.items())
    return "tip-sent:" + hashlib.sha256(repr(answers).encode()).hexdigest()


def sent_before(form):
    return cache.get(key(form)) is not None


def remember(form):
    cache.set(key(form), 1, KEEP_SECONDS)
