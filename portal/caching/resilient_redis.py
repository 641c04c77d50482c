"""Django's Redis cache, for which an unreachable Redis is a cache miss, not an error.

Every cache the portal keeps is an optimisation: pages, fragments, the chrome and routes
are rendered again, the generation token is made afresh (``portal.caching.generation``), so
with Redis gone the site is slower, never wrong. Django's ``RedisCache`` raises redis-py's
``ConnectionError`` instead, and every page answered 500 while Redis restarted under load.
Here a connection error or timeout reads as a miss: ``get`` gives the default, ``get_many``
nothing, ``add``/``set``/``delete``/``touch``/``has_key`` give ``False`` (``set`` gives
``None`` when it stored, as Django's does, so a caller who must know can tell), ``set_many``
lists every key as not stored, and ``incr`` raises ``ValueError``, Django's answer for a
missing key.

A dead Redis must cost milliseconds, not seconds: the socket timeouts are short
(``socket_connect_timeout``, ``socket_timeout`` in ``OPTIONS``, set from the environment in
the settings; redis-py waits 5 s by default), and after a failure this process leaves Redis
alone for ``RETRY_AFTER`` seconds, answering misses at once. Without that pause a Redis
that stops answering cost each of the fifty-odd cache calls of an uncached news list the
read timeout (28 s for the page, measured; 0.5 s with the pause). A warning is logged at
most once per ``LOG_EVERY`` seconds, with the number of failed calls since the last one.

A Redis that refuses writes (full under ``maxmemory-policy noeviction``, a read-only replica
after a failover) is treated the same way. Other errors (a wrong command, a value that does
not unpickle) still raise: they are bugs to fix, not outages to ride out.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import OutOfMemoryError, ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGES = (RedisConnectionError, RedisTimeoutError, OutOfMemoryError, ReadOnlyError)
LOG_EVERY = 60.0
_FAILED = object()


class _Outage:
    """What this process knows about one Redis: shared by the cache objects of every thread
    and alias that use it (Django makes one per thread)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.resume_at = 0.0
        self.logged_at = -LOG_EVERY
        self.unlogged = 0


_outages: dict[tuple[str, ...], _Outage] = {}
_outages_lock = threading.Lock()


def _outage_of(servers) -> _Outage:
    key = tuple(servers)
    with _outages_lock:
        return _outages.setdefault(key, _Outage())


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        # Our own option; everything else in OPTIONS goes to redis-py's connection pool.
        self._options = dict(self._options)
        self._retry_after = float(self._options.pop("RETRY_AFTER", 1.0))
        self._outage = _outage_of(self._servers)

    def _call(self, operation, *args, on_outage):
        """``operation(*args)``, or ``on_outage`` while Redis is unreachable."""
        outage = self._outage
        if time.monotonic() < outage.resume_at:
            return on_outage
        try:
            return operation(*args)
        except OUTAGES as error:
            self._failed(error)
            return on_outage

    def _failed(self, error) -> None:
        outage = self._outage
        now = time.monotonic()
        with outage.lock:
            outage.resume_at = now + self._retry_after
            outage.unlogged += 1
            if now - outage.logged_at < LOG_EVERY:
                return
            failures, outage.unlogged, outage.logged_at = outage.unlogged, 0, now
        logger.warning(
            "Redis at %s failed (%s): %d cache call(s) answered as misses; "
            "Redis is left alone for %.1f s after each failure",
            ",".join(self._servers),
            error,
            failures,
            self._retry_after,
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, key, value, timeout, version, on_outage=False)

    def get(self, key, default=None, version=None):
        return self._call(super().get, key, default, version, on_outage=default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, key, value, timeout, version, on_outage=False)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, key, timeout, version, on_outage=False)

    def delete(self, key, version=None):
        return self._call(super().delete, key, version, on_outage=False)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, keys, version, on_outage={})

    def has_key(self, key, version=None):
        return self._call(super().has_key, key, version, on_outage=False)

    def incr(self, key, delta=1, version=None):
        result = self._call(super().incr, key, delta, version, on_outage=_FAILED)
        if result is _FAILED:
            raise ValueError(f"Key '{key}' not found (Redis unreachable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, data, timeout, version, on_outage=list(data))

    def delete_many(self, keys, version=None):
        self._call(super().delete_many, keys, version, on_outage=None)

    def clear(self):
        return self._call(super().clear, on_outage=False)
