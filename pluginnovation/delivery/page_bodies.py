"""The bodies of cached pages: stored once per distinct body, and kept in each process.

A page cache entry (pagecache.py) holds its body's digest rather than the body. A listing is
70 kB without compression, and reading it with its entry from Redis was half of every hit's
time here (249 of 499 µs at 10,000 pages); with Redis on another machine it is also network
bandwidth, per hit. The body is stored in the shared cache under its digest, beside the entry,
and each process keeps the bodies it served last, up to MAX_BYTES: a hit then reads only the
entry (a few hundred bytes), which is still read on every request and says which body is
current. A digest names one body forever, so a kept body is never out of date.

A body served from this memory is not read from the shared cache, which would let Redis evict
it (least recently used) while its entry, read on every hit, stays: it is touched there every
TOUCH_SECONDS instead, so it lasts as long as its entry, also as the copy to serve while the
database is away.
"""

import hashlib
import threading
import time
from collections import OrderedDict

from django.core.cache import cache

# Per process; the most recently served bodies are kept, none larger than LARGEST (an open-data
# export is served through the page cache too, and must not push out every page).
MAX_BYTES = 32 * 1024 * 1024
LARGEST = MAX_BYTES // 16
# What keeping a body costs besides its bytes (the digest, the dictionary's entry).
OVERHEAD = 250
TOUCH_SECONDS = 60
_kept = OrderedDict()  # digest -> [body, when it was last touched in the shared cache]
_size = [0]
_lock = threading.Lock()


def digest(content):
    return hashlib.sha256(content).hexdigest()


def body_key(name):
    return f"page-body:{name}"


def get(name, timeout):
    """The body named `name`, or None when the shared cache no longer has it. `timeout`: how
    long the shared cache is to keep it from now, as long as its entry."""
    kept = _kept.get(name)
    if kept is None:
        content = cache.get(body_key(name))
        if content is not None:
            keep(name, content)
        return content
    now = time.monotonic()
    with _lock:
        if name in _kept:
            _kept.move_to_end(name)
        touch = now - kept[1] > TOUCH_SECONDS
        if touch:
            kept[1] = now
    if touch:
        cache.touch(body_key(name), timeout)
    return kept[0]


def keep(name, content):
    if len(content) > LARGEST:
        return
    with _lock:
        if name in _kept:
            _kept.move_to_end(name)
            return
        _kept[name] = [content, time.monotonic()]
        _size[0] += len(content) + OVERHEAD
        while _size[0] > MAX_BYTES:
            dropped, _ = _kept.popitem(last=False)[1]
            _size[0] -= len(dropped) + OVERHEAD


def kept_bytes():
    return _size[0]


def forget():
    with _lock:
        _kept.clear()
        _size[0] = 0
