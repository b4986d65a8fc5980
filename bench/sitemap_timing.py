"""The films' sitemap rendered without the cache: the "under a second" target."""

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from films.cache import films_changed

from .runner import SITEMAP_PATH, SITEMAP_RENDER_RUNS
from .stats import summary_stats


def sitemap_render(*, runs=SITEMAP_RENDER_RUNS):
    """Milliseconds to render the films' sitemap (its first page) without the cache.

    Each run first makes the cached copy stale, as adding or editing a film
    does. Returns summary_stats of the runs plus `queries` (the last run's)
    and `urls` (how many addresses the page holds).
    """
    client = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
    timings = []
    for _ in range(runs):
        films_changed(film_ids=[], catalogue=True)
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(SITEMAP_PATH)
            timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{SITEMAP_PATH} answered {response.status_code}")
    return {
        **summary_stats(timings),
        "max": max(timings),
        "queries": len(ctx.captured_queries),
        "urls": response.content.count(b"<url>"),
    }
