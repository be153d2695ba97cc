"""Django's cache backends, with two costs of every write or read taken out.

SharedRedisCache: one Redis client per connection pool instead of one per call.

Django's RedisCacheClient builds a new `redis.Redis` (and its table of response callbacks) for
every cache operation; on a page cache hit that was about a sixth of the request's CPU time
(docs/performance.md). A `redis.Redis` is safe to share: it takes a connection from its pool for
each command. Django keeps a cache object per thread, so this is one client per pool and thread.

FileCache: Django's FileBasedCache lists the whole cache folder on every write to decide whether
to cull it (12 ms per write at 5,500 files, measured); here one write in CULL_EVERY looks,
the first one included.
"""

import itertools

from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

CULL_EVERY = 200


class ReusedClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = super().get_client(key, write=write)
        return self._clients[index]


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClient


class FileCache(FileBasedCache):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._writes = itertools.count()

    def _cull(self):
        if next(self._writes) % CULL_EVERY == 0:
            super()._cull()
