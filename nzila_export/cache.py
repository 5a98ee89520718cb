"""The cache backend: Django's Redis cache, keeping one client per connection pool, with a counter that
costs one round trip.

Django's RedisCacheClient builds a new redis.Redis around the pool on every call, and redis-py's
constructor is not cheap (about a third of a millisecond here): a catalogue read that makes six cache
calls (throttles, a version, the page) spent two milliseconds building clients. A client over a pool
is safe to share between threads, so one per pool is kept.
"""

from collections.abc import Sequence

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedRedisCacheClient

    def count(self, timeouts: dict[str, int], *, also_get: Sequence[str] = ()) -> tuple[dict[str, int], dict]:
        """Add one to each counter of `timeouts` and return the counts; a new counter starts at one and
        expires its timeout (seconds) later. Every counter in one round trip (Django's add then incr take
        three each); the values of `also_get` (as get_many finds them) come in the same trip. Each counter is
        incremented, then given its expiry if it has none, so one that expired between the two commands is
        made again with its expiry rather than left to count forever. Needs Redis 7 (EXPIRE NX)."""
        keys = {key: self.make_and_validate_key(key) for key in [*timeouts, *also_get]}
        pipeline = self._cache.get_client(write=True).pipeline(transaction=False)
        for key, timeout in timeouts.items():
            pipeline.incr(keys[key])
            pipeline.expire(keys[key], timeout, nx=True)  # only a new counter's (Redis 7): the window stays put
        for key in also_get:
            pipeline.get(keys[key])
        replies = pipeline.execute()
        counts = dict(zip(timeouts, replies[0 : 2 * len(timeouts) : 2], strict=True))
        values = zip(also_get, replies[2 * len(timeouts) :], strict=True)
        found = {key: self._cache._serializer.loads(value) for key, value in values if value is not None}
        return counts, found
