"""Measure the endpoints under load and print the one table (plus the extras)."""

import os
import time
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

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
    admin: bool = False  # as an editor (a superuser), not as the member
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


def _path(name, **kwargs):
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


# Members' pages: each must reach this share of the ceiling (report.py).
MEMBER_PAGES = (
    "film page, logged in",
    "home page, logged in",
    "profile, logged in",
    "diary, logged in",
)


def endpoints(film, word, member=None, list_path=""):
    """The rows, in order; `member` (a username) adds their profile and diary."""
    rows = [
        # A bare view behind every middleware (HEALTHZ_EARLY=false); signed
        # in, it also loads the session and the member (their language): what
        # every member's request pays before any page.
        Endpoint(CEILING, "/healthz"),
        Endpoint("/healthz view, logged in", "/healthz", logged_in=True),
        Endpoint("home page", "/"),
        Endpoint("home page, logged in", "/", logged_in=True),
        Endpoint("film page, anonymous", film.get_absolute_url()),
        Endpoint("film page, logged in", film.get_absolute_url(), logged_in=True),
        Endpoint("search", f"/search/?q={word}"),
        # Served from the page cache between changes to the catalogue; its
        # render without the cache is measured apart (sitemap_render).
        Endpoint(SITEMAP, SITEMAP_PATH, in_mix=False),
    ]
    if member:
        profile = _path("accounts:profile", username=member)
        rows += [
            Endpoint("profile, logged in", profile or "", logged_in=True),
            Endpoint(
                "diary, logged in",
                _path("accounts:diary", username=member) or "",
                logged_in=True,
            ),
        ]
    films_api = _path("film-list")
    detail_api = _path("film-detail", slug=film.slug) or _path(
        "film-detail", pk=film.pk
    )
    rows.append(Endpoint("list page, 1,000 films", list_path))
    rows.append(Endpoint("films API list", films_api or ""))
    rows.append(Endpoint("film detail API", detail_api or ""))
    if member:
        # A member's diary for visitors (viewings newest first, by month) and
        # the API's list of everyone's viewings, newest first.
        diary = _path("accounts:diary", username=member) or ""
        rows.append(Endpoint("diary page", diary))
        rows.append(Endpoint("diary API list", _path("viewing-list") or ""))
    # The editors' listings (one page of 50,000 films; of 200,000 ratings).
    rows.append(
        Endpoint("admin: films", _path("wagtailsnippets_films_film:list"), admin=True)
    )
    rows.append(
        Endpoint(
            "admin: reviews", _path("reviews_userfilm_modeladmin_index"), admin=True
        )
    )
    return rows


def select(rows, only):
    """The ceiling and the rows whose label contains one of `only` (strings)."""
    if not only:
        return rows
    return [r for r in rows if r.label == CEILING or any(o in r.label for o in only)]


def bench_admin():
    """An editor for the admin rows (a superuser; made once per database)."""
    admin, _created = get_user_model().objects.get_or_create(
        username="benchadmin",
        defaults={
            "email": "benchadmin@bench.invalid",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    return admin


def session_cookie(member):
    """A signed-in test client and its cookies as a browser sends them.

    Both the session and the CSRF cookie: a browser keeps the CSRF cookie the
    first page set, and members' cached pages are kept per CSRF secret
    (filmtracker/member_page_cache.py); without it every page would be built
    afresh and set a new one.
    """
    client = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
    client.force_login(member)
    client.get("/")  # the page sets the CSRF cookie
    # Production names them `__Host-...`; wrk sends them as a plain header.
    names = [settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME]
    cookie = "; ".join(
        f"{name}={client.cookies[name].value}"
        for name in names
        if name in client.cookies
    )
    return client, cookie


def count_queries(row, clients):
    """Cold (first) and steady (third) request through the test client, same DB.

    The third: a member's first page view sets the CSRF cookie, the second
    builds the page for their cache, the third is what they get from then on.
    """
    client = clients["admin" if row.admin else "member" if row.logged_in else "anon"]
    counts = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(row.path)
        counts.append(len(ctx.captured_queries))
    row.queries_cold, row.queries, row.status = (
        counts[0],
        counts[-1],
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


def measure(*, workers, duration, connections, log, only=()):
    film, member, word = pick_targets()
    rows = select(
        endpoints(film, word, member.username, list_path=bench_list_path()), only
    )
    member_client, cookie = session_cookie(member)
    admin_client, admin_cookie = session_cookie(bench_admin())
    clients = {
        "anon": Client(raise_request_exception=False, HTTP_HOST="127.0.0.1"),
        "member": member_client,
        "admin": admin_client,
    }
    for row in rows:
        if row.path:
            count_queries(row, clients)
    with Server(workers=workers, env=dict(os.environ)) as server:
        for row in rows:
            if not row.path or row.status != 200:
                continue
            url = server.url(row.path)
            cookie_arg = (
                admin_cookie if row.admin else cookie if row.logged_in else None
            )
            warm_up(url=url, workers=workers, cookie=cookie_arg)
            row.result = run_wrk(
                url=url, duration=duration, connections=connections, cookie=cookie_arg
            )
            log(f"  {row.label}: {row.result.rps:.0f} req/s")
            drain(server)
    return rows, film, member, word


def mixed_load(*, workers, duration, connections, rows, cookie):
    # The site's traffic: visitors and members, not the editors' admin, nor the
    # 5 MB sitemap.
    paths = [
        r.path for r in rows if r.path and r.status == 200 and r.in_mix and not r.admin
    ]
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
