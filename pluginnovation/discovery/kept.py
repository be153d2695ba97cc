"""What a process keeps for the current content version: the request's site, the page a path
routes to (delivery/sites.py, delivery/routes.py), what a card shows (home/cards.py) and the
discovery results it read from the shared cache (cache.cached).

All of these change only with a new content version (pluginnovation.discovery.cache), which
every request still reads from the shared cache, so a change made through any process is seen
on the next request. Each process keeps them in memory, pickled, so every request gets a copy
of its own and nothing one request sets on an object reaches another; values that cannot be
changed at all are shared instead (immutable=True). One version at a time, at
most `size` entries and `max_bytes` (the oldest go first), and for at most MAX_AGE, like every
other cache of the version: a new version the shared cache did not take is still seen in time.
Values that cannot be changed (a card's read-only mapping of strings) are kept as they are:
unpickling twenty cards was a tenth of a search page.
"""

import pickle
import threading
import time

# Seconds: how long anything cached for one content version is trusted (cache.MAX_AGE).
MAX_AGE = 300
MISSING = object()


def dumps(value):
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


class Kept:
    def __init__(self, size, max_bytes=None, dumps=dumps, immutable=False):
        if immutable and max_bytes is not None:
            raise ValueError("Kept: shared values are not pickled, so they have no size in bytes")
        self.size = size
        self.max_bytes = max_bytes
        # How a value is copied: cache.KEPT keeps what Redis holds, public copies of pages.
        self.dumps = dumps
        # Values nobody can change, down to their parts, are shared, not copied.
        self.immutable = immutable
        # (version, when it was first seen, {key: (pickled value, end or None)}, [bytes kept]):
        # replaced whole, so a thread never reads one version's entries under another's.
        self._state = (None, 0.0, {}, [0])
        self._lock = threading.Lock()

    def __len__(self):
        return len(self._state[2])

    @property
    def bytes(self):
        return self._state[3][0]

    def clear(self):
        self._state = (None, 0.0, {}, [0])

    def _current(self, version):
        """The state of `version`: a new, empty one for a new version or after MAX_AGE."""
        state = self._state
        kept_version, since = state[0], state[1]
        if kept_version == version and time.monotonic() - since <= MAX_AGE:
            return state
        with self._lock:
            state = self._state
            now = time.monotonic()
            if state[0] != version or now - state[1] > MAX_AGE:
                state = (version, now, {}, [0])
                self._state = state
            return state

    def entries(self, version):
        return self._current(version)[2]

    def get(self, version, key):
        """A copy of what was kept under `key` for `version` (the value itself if immutable),
        or MISSING (also once the entry's own end, if it was given one, has passed)."""
        found = self.entries(version).get(key)
        if found is None:
            return MISSING
        pickled, ends = found
        if ends is not None and time.time() > ends:
            return MISSING
        return pickled if self.immutable else pickle.loads(pickled)

    def put(self, version, key, value, ends=None):
        """Keep a copy of `value` as it is now, until `ends` (a time.time()) if given; a value
        that cannot be pickled, or is larger than max_bytes, is not kept."""
        if self.immutable:
            pickled, size = value, 0
        else:
            try:
                pickled = self.dumps(value)
            except (pickle.PicklingError, TypeError, AttributeError):
                return
            size = len(pickled)
        if self.max_bytes is not None and size > self.max_bytes:
            return
        _version, _since, entries, total = self._current(version)
        with self._lock:
            total[0] -= self._size(entries.pop(key, (b"", None))[0])
            while entries and (
                len(entries) >= self.size
                or (self.max_bytes is not None and total[0] + size > self.max_bytes)
            ):
                total[0] -= self._size(entries.pop(next(iter(entries)))[0])
            entries[key] = (pickled, ends)
            total[0] += size

    def _size(self, stored):
        return 0 if self.immutable else len(stored)
