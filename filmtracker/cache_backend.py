"""The production cache: django-redis that degrades instead of failing requests.

Everything in the cache can be rebuilt from the database, so a Redis that is
down or hanging must cost speed, not pages. django-redis's own
`IGNORE_EXCEPTIONS` turns errors into misses; this backend keeps that and adds
what it lacks:

- A breaker: after a failure the process stops asking Redis for
  `RETRY_AFTER` seconds (one call then probes it again), so a hanging Redis
  costs one socket timeout every few seconds, not one per cache call.
- Rate-limit keys (DRF's throttles, allauth's limits: `LOCAL_KEY_PREFIXES`)
  fall back to this process's memory while Redis is away: limits keep
  counting, per worker. Without it allauth's lock (`cache.add`) never
  succeeds and every login would wait a second and be refused.
- Lost writes are undone on recovery: keys whose set or delete failed are
  deleted once Redis answers again, so a version bump (films/cache.py) or a
  sign-out (the session's cached copy) missed during the outage cannot bring
  back a stale entry afterwards.
- One warning per outage and a recovery line in the log, and counters
  (`STATS`, shown by /readyz).
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

# OSError covers socket timeouts; RedisError also a Redis refusing writes
# (out of memory, read-only replica).
FAILURES = (ConnectionInterrupted, RedisError, OSError)
# Past this many lost keys a process cannot undo them all; it logs so.
MAX_LOST_KEYS = 10_000
# Per process, since it started: calls that failed, calls skipped while the
# breaker was open, outages seen, and rate-limit calls served from memory.
STATS = {"errors": 0, "skipped": 0, "outages": 0, "local": 0}
# What a failed call returns (django-redis's IGNORE_EXCEPTIONS answers).
_FAILED = object()


class ResilientRedisCache(RedisCache):
    """django-redis's RedisCache, optional for reads (see the module).

    Extra OPTIONS: `RETRY_AFTER` (seconds, default 5) and
    `LOCAL_KEY_PREFIXES` (keys kept in local memory during an outage).
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        self.local_prefixes = tuple(options.pop("LOCAL_KEY_PREFIXES", ()))
        super().__init__(server, {**params, "OPTIONS": options})
        # Errors must reach _call (below), which answers as IGNORE_EXCEPTIONS
        # would: that option alone swallows them before we can see them.
        self._ignore_exceptions = False
        self._local = LocMemCache(f"filmtracker-fallback-{id(self)}", {})
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._down = False
        self._lost = set()
        self._lost_dropped = 0  # lost writes past MAX_LOST_KEYS, not undone

    # --- the guard every call goes through ---------------------------------

    def _call(self, name, keys, args, kwargs, *, write, failed):
        local = bool(keys) and all(str(k).startswith(self.local_prefixes) for k in keys)
        if self._down and (
            time.monotonic() < self._down_until or not self._undo_lost_writes()
        ):
            STATS["skipped"] += 1
            return self._on_failure(name, keys, args, kwargs, write, failed, local)
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except FAILURES as e:
            self._trip(e)
            return self._on_failure(name, keys, args, kwargs, write, failed, local)
        if self._down:
            self._recovered()
        return result

    def _on_failure(self, name, keys, args, kwargs, write, failed, local):
        if local:
            STATS["local"] += 1
            return getattr(self._local, name)(*args, **kwargs)
        if write:
            with self._lock:
                room = MAX_LOST_KEYS - len(self._lost)
                self._lost.update(keys[:room])
                self._lost_dropped += max(len(keys) - room, 0)
        return failed

    def _trip(self, error):
        STATS["errors"] += 1
        with self._lock:
            self._down_until = time.monotonic() + self.retry_after
            if self._down:
                return
            self._down = True
        STATS["outages"] += 1
        log.warning(
            "Cache unreachable (%s: %s); serving from the database, retrying in %ss",
            type(error).__name__,
            error,
            self.retry_after,
        )

    def _undo_lost_writes(self):
        """Delete the keys whose writes were lost, before anything reads them;
        False if Redis is still away."""
        with self._lock:
            lost, self._lost = self._lost, set()
        try:
            if lost:
                super().delete_many(list(lost))
        except FAILURES as e:
            with self._lock:
                self._lost |= lost
            self._trip(e)
            return False
        with self._lock:
            dropped, self._lost_dropped = self._lost_dropped, 0
        if lost:
            log.warning("Cache: %s writes lost during the outage undone", len(lost))
        if dropped:
            log.error(
                "Cache: %s more lost writes could not be kept to undo; their "
                "entries may be stale until they expire",
                dropped,
            )
        return True

    def _recovered(self):
        with self._lock:
            self._down = False
        # Rate limits count in Redis again (what it held from before).
        self._local.clear()
        log.warning("Cache reachable again")

    # --- Django's cache API --------------------------------------------------

    def get(self, key, default=None, version=None, client=None):
        result = self._call(
            "get", [key], (key, default, version), {}, write=False, failed=_FAILED
        )
        return default if result is _FAILED else result

    def get_many(self, keys, version=None):
        keys = list(keys)
        return self._call(
            "get_many", keys, (keys,), {"version": version}, write=False, failed={}
        )

    def has_key(self, key, version=None):
        return self._call(
            "has_key", [key], (key,), {"version": version}, write=False, failed=False
        )

    def set(self, key, *args, **kwargs):
        return self._call("set", [key], (key, *args), kwargs, write=True, failed=False)

    def add(self, key, *args, **kwargs):
        return self._call("add", [key], (key, *args), kwargs, write=True, failed=False)

    def touch(self, key, *args, **kwargs):
        return self._call(
            "touch", [key], (key, *args), kwargs, write=True, failed=False
        )

    def delete(self, key, *args, **kwargs):
        return self._call(
            "delete", [key], (key, *args), kwargs, write=True, failed=False
        )

    def incr(self, key, *args, **kwargs):
        # Django's contract: ValueError for a missing key; a counter we cannot
        # reach is as good as missing.
        result = self._call(
            "incr", [key], (key, *args), kwargs, write=True, failed=_FAILED
        )
        if result is _FAILED:
            raise ValueError(f"Key {key!r} not found (cache unreachable)")
        return result

    def decr(self, key, delta=1, version=None, client=None):
        return self.incr(key, -delta, version)

    def set_many(self, data, *args, **kwargs):
        data = dict(data)
        failed = list(data)
        return self._call(
            "set_many", failed, (data, *args), kwargs, write=True, failed=failed
        )

    def delete_many(self, keys, *args, **kwargs):
        keys = list(keys)
        return self._call(
            "delete_many", keys, (keys, *args), kwargs, write=True, failed=0
        )

    def clear(self):
        self._local.clear()
        return self._call("clear", [], (), {}, write=False, failed=False)
