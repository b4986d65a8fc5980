"""Keeping an import's TMDB requests under a rate (IMPORT_TMDB_REQUESTS_PER_SECOND).

An import asks TMDB for hundreds of films in a row; the site's pages share the
same TMDB allowance (about 50 requests a second), so an import spaces its own
requests out rather than running into 429s.
"""

import time

from django.conf import settings


class Pace:
    """Space calls so that `cost` requests each never exceed the rate."""

    def __init__(self, per_second=None, *, clock=time.monotonic, sleep=time.sleep):
        rate = per_second or settings.IMPORT_TMDB_REQUESTS_PER_SECOND
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._clock, self._sleep = clock, sleep
        self._next = 0.0

    def wait(self, cost=1):
        """Sleep until `cost` more requests are within the rate."""
        now = self._clock()
        if now < self._next:
            self._sleep(self._next - now)
            now = self._next
        self._next = now + cost * self.interval
