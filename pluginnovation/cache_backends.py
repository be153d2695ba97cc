"""Django's cache backends, with two costs of every write or read taken out, and Redis that
may go away.

SharedRedisCache: one Redis client per connection pool instead of one per call; and a cache
that fails as a miss. Django's RedisCache raises on every operation while Redis is down (a
restart, a fail-over, a cut network), and every page reads the cache first: the whole site
would answer 500. Here a failed operation is a miss (get gives the default, add False, incr a
ValueError as for a missing key, a write is dropped), logged, and Redis is not
asked again for RETRY_SECONDS, so a request does not wait for a connection timeout per call.
Rate limits let everyone through meanwhile (their counters are in Redis).

Django's RedisCacheClient builds a new `redis.Redis` (and its table of response callbacks) for
every cache operation; on a page cache hit that was about a sixth of the request's CPU time
(docs/performance.md). A `redis.Redis` is safe to share: it takes a connection from its pool for
each command. Django keeps a cache object per thread, so this is one client per pool and thread.

Pages are stored without their drafts (public_dumps): a Wagtail page pickles every field it has,
and some are about what is not published (the draft's title, whether there is one) or about its
editors (owner, lock). The discovery cache keeps lists of pages beside public data; each backend
here writes every page, wherever in the value it sits, as a public copy: those fields hold what
they would for a page with no draft, owner or lock.

MemoryCache: Django's LocMemCache (the tests', one process), storing pages as the others do.

FileCache: Django's FileBasedCache lists the whole cache folder on every write to decide whether
to cull it (12 ms per write at 5,500 files, measured); here one write in CULL_EVERY looks,
the first one included.
"""

import functools
import io
import itertools
import logging
import pickle
import time
import zlib

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient, RedisSerializer

import redis

CULL_EVERY = 200
RETRY_SECONDS = 5
UNAVAILABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
logger = logging.getLogger(__name__)


# A page's fields about its drafts and editors, and what a public copy holds instead: what they
# say of a page with nothing but its live version, and no owner or lock.
PAGE_FIELDS_NOT_SHARED = {
    "has_unpublished_changes": False,
    "latest_revision_id": None,
    "latest_revision_created_at": None,
    "locked": False,
    "locked_at": None,
    "locked_by_id": None,
    "owner_id": None,
}
PAGE_RELATIONS_NOT_SHARED = ("latest_revision", "locked_by", "owner")


@functools.cache
def page_model():
    """wagtail.models.Page, imported at the first write: the cache backends load before the
    apps do."""
    from wagtail.models import Page

    return Page


class PublicPickler(pickle.Pickler):
    """Pickles as pickle.dumps does, and every Wagtail page as a public copy: the draft's title
    is the live one, and PAGE_FIELDS_NOT_SHARED hold their stand-ins. The copy read back is
    a whole page (no deferred field to query for)."""

    def reducer_override(self, obj):
        # Not called for str, int, list, dict and the like: only for other objects.
        # type(), not isinstance(): a lazy object passes for what it wraps, and pickles as
        # itself around it (the page it wraps comes here on its own).
        if not issubclass(type(obj), page_model()):
            return NotImplemented
        unpickle, arguments, state = obj.__reduce__()  # state: a copy (Model.__getstate__)
        if "draft_title" in state:
            state["draft_title"] = state.get("title", "")
        for field, stand_in in PAGE_FIELDS_NOT_SHARED.items():
            if field in state:
                state[field] = stand_in
        for relation in PAGE_RELATIONS_NOT_SHARED:
            state["_state"].fields_cache.pop(relation, None)
        return unpickle, arguments, state


def public_dumps(value, protocol=pickle.HIGHEST_PROTOCOL):
    written = io.BytesIO()
    PublicPickler(written, protocol).dump(value)
    return written.getvalue()


class PublicSerializer(RedisSerializer):
    def dumps(self, obj):
        if type(obj) is int:  # as Django's: stored as a number, for incr()
            return obj
        return public_dumps(obj, self.protocol)


class RedisUnavailable(Exception):
    pass


# What each operation gives while Redis is away: what it gives for a key that is not there.
MISSING = {
    "get": lambda args, kwargs: kwargs.get("default", args[1] if len(args) > 1 else None),
    "get_many": lambda args, kwargs: {},
    "add": lambda args, kwargs: False,
    "set": lambda args, kwargs: None,
    "set_many": lambda args, kwargs: None,
    "touch": lambda args, kwargs: False,
    "delete": lambda args, kwargs: False,
    "delete_many": lambda args, kwargs: None,
    "has_key": lambda args, kwargs: False,
    "clear": lambda args, kwargs: False,
}


class ReusedClient(RedisCacheClient):
    def __init__(self, servers, **options):
        # Always this serializer, whatever OPTIONS say: pages are stored as public copies.
        options["serializer"] = PublicSerializer
        super().__init__(servers, **options)
        self._clients = {}
        self._away_until = 0.0

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = super().get_client(key, write=write)
        return self._clients[index]

    def _call(self, name, *args, **kwargs):
        if time.monotonic() < self._away_until:
            raise RedisUnavailable
        try:
            return getattr(super(), name)(*args, **kwargs)
        except UNAVAILABLE as error:
            logger.warning("Redis unavailable, serving without the cache: %s", error)
            self._away_until = time.monotonic() + RETRY_SECONDS
            raise RedisUnavailable from error

    def incr(self, key, delta):
        try:
            return self._call("incr", key, delta)
        except RedisUnavailable:
            raise ValueError(f"Key '{key}' not found (Redis unavailable).") from None


def missing_when_unavailable(name):
    def operation(self, *args, **kwargs):
        try:
            return self._call(name, *args, **kwargs)
        except RedisUnavailable:
            return MISSING[name](args, kwargs)

    operation.__name__ = name
    return operation


for _name in MISSING:
    setattr(ReusedClient, _name, missing_when_unavailable(_name))


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClient


class MemoryCache(LocMemCache):
    # LocMemCache's add() and set(), pickling with public_dumps.
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        pickled = public_dumps(value, self.pickle_protocol)
        with self._lock:
            if self._has_expired(key):
                self._set(key, pickled, timeout)
                return True
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        pickled = public_dumps(value, self.pickle_protocol)
        with self._lock:
            self._set(key, pickled, timeout)


class FileCache(FileBasedCache):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._writes = itertools.count()

    def _cull(self):
        if next(self._writes) % CULL_EVERY == 0:
            super()._cull()

    def _write_content(self, file, timeout, value):
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        file.write(zlib.compress(public_dumps(value, self.pickle_protocol)))
