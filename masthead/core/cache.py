"""The site's cache backends, and how they fail.

- `DiskCache`: the embedded default (diskcache's Django backend, kept open between requests).
- `ResilientRedisCache`: Django's Redis cache where Redis trouble is a miss, never an error page
  (DESIGN.md: "A cache that is down is a miss"). Every call has a short socket timeout and no
  retries; a circuit breaker (pybreaker, one per process and cache) stops calling a Redis that
  failed a few times in a row and tries it again a few seconds later, so a dead Redis costs one
  failed call per process per interval, not one per request. Reads that fail return the default,
  writes that fail are dropped — and remembered: once Redis answers again, every key whose write
  was lost is deleted, so nothing written before the outage (a signed-out session, an old page
  generation) outlives a change made during it.
"""

import logging
import threading

import pybreaker
import redis
from diskcache import DjangoCache
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.retry import Retry

logger = logging.getLogger(__name__)

# Consecutive failures that open the breaker, and seconds before one call may try Redis again.
BREAKER_FAIL_MAX = 3
BREAKER_RESET_SECONDS = 5
# Keys whose writes were lost, per process, deleted when Redis is back. Beyond this many the
# rest are only logged: sessions (cached_db) and pages are still right in the database and by
# generation, the bound keeps a long outage from growing a process without limit.
MAX_LOST_WRITES = 50_000
FAILURES = (redis.RedisError, OSError, pybreaker.CircuitBreakerError)
# pybreaker holds a per-breaker lock across the guarded call, so one process's cache calls run one
# at a time. The documented servers run one thread per process (granian --blocking-threads 1, the
# RQ worker), where that costs nothing; it was chosen over hand-written code for its tested state
# machine (closed → open → one trial call → closed) and its listeners, which undo lost writes.


class DiskCache(DjangoCache):
    """Django closes every cache at the end of each request; diskcache honours that by closing its
    SQLite connections, so the next request reopens them (measured: 3 reconnects per article page).
    Its connections are per thread and cheap to keep, so closing is a no-op here."""

    def close(self, **kwargs):
        pass


class _Recovery(pybreaker.CircuitBreakerListener):
    def __init__(self, client):
        self.client = client

    def state_change(self, cb, old_state, new_state):
        name = getattr(new_state, "name", new_state)
        if name == pybreaker.STATE_OPEN:
            logger.error("Cache %s unreachable: treating it as empty for now", self.client.location)
        elif name == pybreaker.STATE_CLOSED:
            logger.warning("Cache %s reachable again", self.client.location)
            self.client.forget_lost_writes()


class GuardedRedisClient(RedisCacheClient):
    """RedisCacheClient whose every call goes through a circuit breaker and degrades on failure."""

    def __init__(
        self, servers, *, breaker_fail_max=BREAKER_FAIL_MAX, breaker_reset=BREAKER_RESET_SECONDS, **options
    ):
        options.setdefault("socket_connect_timeout", 0.3)
        options.setdefault("socket_timeout", 0.5)
        # redis-py retries a failed command three times by default; a timeout would cost 4x.
        options.setdefault("retry", Retry(NoBackoff(), 0))
        super().__init__(servers, **options)
        self.location = ",".join(servers)
        self.lost = set()
        self.lost_overflow = 0
        self.lock = threading.Lock()
        self.breaker = pybreaker.CircuitBreaker(
            fail_max=breaker_fail_max,
            reset_timeout=breaker_reset,
            listeners=[_Recovery(self)],
            # Redis answered, refusing one command (e.g. "OOM" under noeviction): that write is
            # lost like any other, but Redis is up and reads should go on.
            exclude=[redis.ResponseError],
        )

    @property
    def healthy(self):
        return self.breaker.current_state == pybreaker.STATE_CLOSED

    def _call(self, method, *args):
        return self.breaker.call(getattr(super(), method), *args)

    def _read(self, method, default, *args):
        try:
            return self._call(method, *args)
        except FAILURES:
            return default

    def _write(self, method, keys, default, *args):
        try:
            return self._call(method, *args)
        except FAILURES:
            self._remember(keys)
            return default

    def _remember(self, keys):
        with self.lock:
            for key in keys:
                if len(self.lost) >= MAX_LOST_WRITES:
                    self.lost_overflow += 1
                else:
                    self.lost.add(key)

    def forget_lost_writes(self):
        """Delete what may be stale after writes were lost (runs once Redis answers again)."""
        with self.lock:
            keys, self.lost = list(self.lost), set()
            overflow, self.lost_overflow = self.lost_overflow, 0
        if overflow:
            logger.error("Cache %s: %d lost writes beyond the bound were not undone", self.location, overflow)
        for start in range(0, len(keys), 500):
            try:
                super().delete_many(keys[start : start + 500])
            except FAILURES:
                self._remember(keys[start:])
                return

    def get(self, key, default):
        return self._read("get", default, key, default)

    def get_many(self, keys):
        return self._read("get_many", {}, keys)

    def has_key(self, key):
        return self._read("has_key", False, key)

    def add(self, key, value, timeout):
        return self._write("add", [key], False, key, value, timeout)

    def set(self, key, value, timeout):
        self._write("set", [key], None, key, value, timeout)

    def set_many(self, data, timeout):
        self._write("set_many", list(data), None, data, timeout)

    def touch(self, key, timeout):
        return self._write("touch", [key], False, key, timeout)

    def delete(self, key):
        return self._write("delete", [key], False, key)

    def delete_many(self, keys):
        self._write("delete_many", list(keys), None, keys)

    def incr(self, key, delta):
        try:
            return self._call("incr", key, delta)
        except FAILURES:
            self._remember([key])
            # As for a missing key: callers (rate limits, the page generation) start afresh.
            raise ValueError(f"Key '{key}' unavailable: the cache is unreachable.") from None

    def clear(self):
        return self._write("clear", [], False)


class ResilientRedisCache(RedisCache):
    """See the module docstring. OPTIONS may set `breaker_fail_max` and `breaker_reset`, and any
    redis-py connection option (`socket_timeout`, `socket_connect_timeout`, …)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = GuardedRedisClient

    @property
    def healthy(self):
        return self._cache.healthy


def cache_state(alias="default"):
    """ "ok", or "degraded" while the cache's circuit breaker is not closed (readiness checks)."""
    return "ok" if getattr(caches[alias], "healthy", True) else "degraded"
