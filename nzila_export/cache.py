"""The cache backend: Django's Redis cache, keeping one client per connection pool, with counters, reads
and list appends in one round trip, and a list drained atomically.

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

    def round_trip(
        self, *, count: dict[str, int] | None = None, get: Sequence[str] = (), push: dict[str, list] | None = None
    ) -> tuple[dict[str, int], dict]:
        """In one round trip: add one to each counter of `count` (key: timeout in seconds) and return the
        counts, read the keys of `get` (as get_many finds them), and append values to the lists of `push`.
        A counter is incremented, then given its expiry if it has none, so one that expired between the two
        commands is made again with its expiry rather than left to count forever (EXPIRE NX: Redis 7)."""
        count, push = count or {}, push or {}
        client = self._cache.get_client(write=True)
        pipeline = client.pipeline(transaction=False)
        for key, timeout in count.items():
            stored = self.make_and_validate_key(key)
            pipeline.incr(stored)
            pipeline.expire(stored, timeout, nx=True)
        for key in get:
            pipeline.get(self.make_and_validate_key(key))
        for key, values in push.items():
            pipeline.rpush(self.make_and_validate_key(key), *(self._cache._serializer.dumps(value) for value in values))
        replies = pipeline.execute()
        counts = dict(zip(count, replies[0 : 2 * len(count) : 2], strict=True))
        read = zip(get, replies[2 * len(count) : 2 * len(count) + len(get)], strict=True)
        found = {key: self._cache._serializer.loads(value) for key, value in read if value is not None}
        return counts, found

    def drain(self, key: str, *, limit: int) -> list:
        """Take up to `limit` values from the head of the list `key`, atomically: what two workers drain at
        once is never taken twice."""
        stored = self.make_and_validate_key(key)
        pipeline = self._cache.get_client(write=True).pipeline(transaction=True)
        pipeline.lrange(stored, 0, limit - 1)
        pipeline.ltrim(stored, limit, -1)
        values, _trimmed = pipeline.execute()
        return [self._cache._serializer.loads(value) for value in values]
