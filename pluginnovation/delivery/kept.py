"""What a process keeps for the current content version: the request's site, the page a path
routes to (sites.py, routes.py).

Wagtail reads both from the database on every request the page cache does not answer, and both
change only with a new content version (pluginnovation.discovery.cache). Each process keeps
them in memory, pickled, so every request gets a copy of its own and nothing one request sets
on an object reaches another. One version at a time, at most `size` entries (the oldest go
first) and for at most MAX_AGE, like every other cache of the version: a new version the shared
cache did not take is still seen in time.
"""

import pickle
import threading
import time

from pluginnovation.discovery.cache import MAX_AGE

MISSING = object()


class Kept:
    def __init__(self, size):
        self.size = size
        # (version, when it was first seen, {key: pickled value}): replaced whole, so a thread
        # never reads one version's entries under another's.
        self._state = (None, 0.0, {})
        self._lock = threading.Lock()

    def __len__(self):
        return len(self._state[2])

    def clear(self):
        self._state = (None, 0.0, {})

    def entries(self, version):
        """The entries of `version`: a new, empty set for a new version or after MAX_AGE."""
        kept_version, since, entries = self._state
        if kept_version == version and time.monotonic() - since <= MAX_AGE:
            return entries
        with self._lock:
            kept_version, since, entries = self._state
            now = time.monotonic()
            if kept_version != version or now - since > MAX_AGE:
                entries = {}
                self._state = (version, now, entries)
            return entries

    def get(self, version, key):
        """A copy of what was kept under `key` for `version`, or MISSING."""
        found = self.entries(version).get(key)
        return MISSING if found is None else pickle.loads(found)

    def put(self, version, key, value):
        """Keep a copy of `value` as it is now; a value that cannot be pickled is not kept."""
        try:
            pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            return
        entries = self.entries(version)
        with self._lock:
            if len(entries) >= self.size:
                entries.pop(next(iter(entries)), None)
            entries[key] = pickled
