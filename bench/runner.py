"""Measure the endpoints under load and print the one table (plus the extras)."""

import os
import statistics
import time
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from films.cache import films_changed
from films.models import Film
from lists.models import List

from .build import BENCH_LIST_SLUG
from .load import Server, run_wrk

CEILING = "/healthz view (ceiling)"
SITEMAP = "sitemap of the films"
SITEMAP_PATH = "/sitemap-films.xml"  # its first page: up to 50,000 films
SITEMAP_RENDER_RUNS = 5


@dataclass
class Endpoint:
    label: str
    path: str
    logged_in: bool = False
    result: object = None
    queries_cold: int | None = None
    queries: int | None = None
    status: int | None = None
    notes: list = field(default_factory=list)
    # In the mixed run: not a 5 MB sitemap, which would drown the pages.
    in_mix: bool = True


def pick_targets():
    """The most rated film (the heaviest page), a member, a common search word."""
    film = (
        Film.objects.exclude(poster=None)
        .order_by("-popularity", "pk")
        .only("pk", "slug", "title")
        .first()
    )
    member = get_user_model().objects.filter(username__startswith="bench").first()
    word = film.title.split()[0].lower()
    return film, member, word


def _api_path(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def bench_list_path():
    """The 1,000-film list's page; "" in a database built before lists existed
    (its row then says "not available")."""
    film_list = List.objects.filter(slug=BENCH_LIST_SLUG).select_related("owner")
    film_list = film_list.first()
    return film_list.get_absolute_url() if film_list else ""


def endpoints(film, word, diarist=None, list_path=""):
    rows = [
        # A bare view behind every middleware (HEALTHZ_EARLY=false); signed
        # in, it also loads the session and the member (their language).
        Endpoint(CEILING, "/healthz"),
        Endpoint("/healthz view, logged in", "/healthz", logged_in=True),
        Endpoint("home page", "/"),
        Endpoint("film page, anonymous", film.get_absolute_url()),
        Endpoint("film page, logged in", film.get_absolute_url(), logged_in=True),
        Endpoint("search", f"/search/?q={word}"),
        # Served from the page cache between changes to the catalogue; its
        # render without the cache is measured apart (sitemap_render).
        Endpoint(SITEMAP, SITEMAP_PATH, in_mix=False),
    ]
    films_api = _api_path("film-list")
    detail_api = _api_path("film-detail", slug=film.slug) or _api_path(
        "film-detail", pk=film.pk
    )
    rows.append(Endpoint("list page, 1,000 films", list_path))
    rows.append(Endpoint("films API list", films_api or ""))
    rows.append(Endpoint("film detail API", detail_api or ""))
    if diarist:
        # A member's diary (viewings newest first, by month) and the API's
        # list of everyone's viewings, newest first.
        rows.append(Endpoint("diary page", f"/users/{diarist}/diary/"))
        rows.append(Endpoint("diary API list", _api_path("viewing-list") or ""))
    return rows


def session_cookie(member):
    client = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
    client.force_login(member)
    # Production names it `__Host-sessionid`; wrk sends it as a plain header.
    name = settings.SESSION_COOKIE_NAME
    return client, f"{name}={client.cookies[name].value}"


def count_queries(row, anon_client, member_client):
    """Cold (first) and warm (second) request through the test client, same DB."""
    client = member_client if row.logged_in else anon_client
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(row.path)
        counts.append(len(ctx.captured_queries))
    row.queries_cold, row.queries, row.status = (
        counts[0],
        counts[1],
        response.status_code,
    )


def warm_up(*, url, workers, cookie):
    """Until every worker answers quickly: a cold worker's first page takes
    seconds (imports, URLconf, templates, its database connection), which is
    start-up, not throughput."""
    for _ in range(10):
        result = run_wrk(url=url, duration=3, connections=workers, cookie=cookie)
        if result.requests >= 5 * workers and result.p99_ms < 1000:
            return


def drain(server):
    """Wait for the requests wrk abandoned at the end of a run to be served.

    They sit in the listen queue and would slow the next endpoint's run.
    """
    for _ in range(120):
        started = time.monotonic()
        with urllib.request.urlopen(server.url("/healthz"), timeout=60):  # noqa: S310
            pass
        if time.monotonic() - started < 0.05:
            return
        time.sleep(0.5)


def measure(*, workers, duration, connections, log):
    film, member, word = pick_targets()
    rows = endpoints(film, word, diarist=member.username, list_path=bench_list_path())
    anon = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
    member_client, cookie = session_cookie(member)
    for row in rows:
        if row.path:
            count_queries(row, anon, member_client)
    with Server(workers=workers, env=dict(os.environ)) as server:
        for row in rows:
            if not row.path or row.status != 200:
                continue
            url = server.url(row.path)
            cookie_arg = cookie if row.logged_in else None
            warm_up(url=url, workers=workers, cookie=cookie_arg)
            row.result = run_wrk(
                url=url, duration=duration, connections=connections, cookie=cookie_arg
            )
            log(f"  {row.label}: {row.result.rps:.0f} req/s")
            drain(server)
    return rows, film, member, word


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


def mixed_load(*, workers, duration, connections, rows, cookie):
    paths = [r.path for r in rows if r.path and r.status == 200 and r.in_mix]
    paths = [("@" + r.path) if r.logged_in else r.path for r in rows if r.path in paths]
    with Server(workers=workers, env=dict(os.environ)) as server:
        for path in paths:
            warm_up(
                url=server.url(path.lstrip("@")),
                workers=workers,
                cookie=cookie if path.startswith("@") else None,
            )
        return run_wrk(
            url=server.url("/"),
            duration=duration,
            connections=connections,
            paths=paths,
            cookie=cookie,
        )


def percentile(values, pct):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def format_table(rows):
    ceiling = next((r.result for r in rows if r.label == CEILING), None)
    header = (
        f"{'endpoint':<26}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'errors':>8}{'queries':>9}{'cold q':>8}{'% ceiling':>11}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        r = row.result
        if r is None:
            why = "not available" if not row.path else f"HTTP {row.status}"
            lines.append(f"{row.label:<26}{why:>9}")
            continue
        ratio = f"{100 * r.rps / ceiling.rps:.0f}%" if ceiling else "-"
        lines.append(
            f"{row.label:<26}{r.rps:>9.0f}{r.p50_ms:>9.1f}{r.p95_ms:>9.1f}"
            f"{r.p99_ms:>9.1f}{r.errors:>8}{row.queries:>9}{row.queries_cold:>8}"
            f"{ratio:>11}"
        )
    return "\n".join(lines)


def summary_stats(values):
    return {
        "p50": statistics.median(values),
        "p95": percentile(values, 95),
        "n": len(values),
    }
