"""The same tip sent twice. Back to the form after sending it, the browser fetches the form anew
and fills in what was typed; Skicka then sends the same tip again. A tip whose words match one
sent within the last day is not stored again: the sender is told it has already arrived.

Kept in the shared cache as a digest of the words (nothing readable); while the cache is away,
a tip sent twice is stored twice, as before, rather than refused.
"""

import hashlib

from django.core.cache import cache

FIELDS = ("title", "school", "contact_email", "what_was_done", "results")
KEEP_SECONDS = 24 * 60 * 60


def key(data):
    words = (" ".join(str(data.get(name, "")).split()).casefold() for name in FIELDS)
    return "tip-sent:" + hashlib.sha256("\x1f".join(words).encode()).hexdigest()


def sent_before(data):
    return cache.get(key(data)) is not None


def remember(data):
    cache.set(key(data), 1, KEEP_SECONDS)
