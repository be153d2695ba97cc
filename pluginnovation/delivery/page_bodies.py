"""The bodies of cached pages: stored once per distinct body, and kept in each process.

A page cache entry (pagecache.py) holds its body's digest rather than the body. A listing is
70 kB without compression, and reading it from Redis took a quarter of every hit here (130 of
500 µs at 10,000 pages); with Redis on another machine it is also the network's bandwidth, per
hit. The body is stored in the shared cache under its digest, and each process keeps the bodies
it served last, up to MAX_BYTES: a hit then reads only the entry (a few hundred bytes), which is
still read on every request and says which body is current. A digest names one body forever, so
a kept body is never out of date.
"""

import hashlib
import threading
from collections import OrderedDict

from django.core.cache import cache

# Per process; the most recently served bodies are kept.
MAX_BYTES = 32 * 1024 * 1024
_kept = OrderedDict()
_size = [0]
_lock = threading.Lock()


def digest(content):
    return hashlib.sha256(content).hexdigest()


def body_key(name):
    return f"page-body:{name}"


def get(name):
    """The body named `name`, or None when the shared cache no longer has it."""
    content = _kept.get(name)
    if content is not None:
        with _lock:
            if name in _kept:
                _kept.move_to_end(name)
        return content
    content = cache.get(body_key(name))
    if content is not None:
        keep(name, content)
    return content


def keep(name, content):
    with _lock:
        if name in _kept:
            _kept.move_to_end(name)
            return
        _kept[name] = content
        _size[0] += len(content)
        while _size[0] > MAX_BYTES and _kept:
            _, dropped = _kept.popitem(last=False)
            _size[0] -= len(dropped)


def kept_bytes():
    return _size[0]


def forget():
    with _lock:
        _kept.clear()
        _size[0] = 0
