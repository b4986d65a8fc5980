"""A cache that is down or hangs costs speed, never pages (README "Security").

The cache is configured as production configures it (base.py with a redis://
CACHE_URL) and pointed at a real closed port, or at a real socket that accepts
connections and never answers. Every page, every API GET in the schema, the
token endpoints and the site's login must still answer from the database.
"""

import os
import re
import socket
import threading
import time

import pytest
from django.test import override_settings
from drf_spectacular.generators import SchemaGenerator

from films.factories import FilmFactory, GenreFactory
from filmtracker import cache_backend
from filmtracker.tests.production_env import settings_fresh
from lists.services import list_create, list_entry_add
from reviews.factories import UserFilmFactory

pytestmark = pytest.mark.django_db
TOO_MANY = "Too many failed login attempts. Try again later."


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class HangingServer:
    """Accepts TCP connections and never answers (a Redis stuck or paused)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(100)
        self.port = self.sock.getsockname()[1]
        self.accepted = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                self.accepted.append(self.sock.accept()[0])
            except OSError:  # closed
                return

    def close(self):
        self.sock.close()
        for conn in self.accepted:
            conn.close()


def production_caches(url):
    """CACHES as the base settings build them for CACHE_URL=`url`."""
    saved = os.environ.get("CACHE_URL")
    os.environ["CACHE_URL"] = url
    try:
        return settings_fresh("filmtracker.settings.base")["CACHES"]
    finally:
        if saved is None:
            del os.environ["CACHE_URL"]
        else:
            os.environ["CACHE_URL"] = saved


@pytest.fixture(params=["closed", "hanging"])
def broken_cache(request):
    if request.param == "closed":
        url, server = f"redis://127.0.0.1:{closed_port()}/0", None
    else:
        server = HangingServer()
        url = f"redis://127.0.0.1:{server.port}/0"
    caches = production_caches(url)
    errors, started = cache_backend.STATS["errors"], time.monotonic()
    with override_settings(CACHES=caches):
        yield request.param
    if server is not None:
        server.close()
    # Each failed call to Redis cost up to a socket timeout; the breaker
    # then skips it for RETRY_AFTER seconds, so only a few calls per test
    # may have waited (not one per cache call of every request).
    retry_after = caches["default"]["OPTIONS"].get("RETRY_AFTER", 5)
    waited = cache_backend.STATS["errors"] - errors
    assert 1 <= waited <= 2 + (time.monotonic() - started) / retry_after


@pytest.fixture
def catalogue(member):
    genre = GenreFactory(name="Drama")
    films = FilmFactory.create_batch(3)
    for film in films:
        film.genres.add(genre)
    UserFilmFactory(user=member, film=films[0], rating=8, comment="Fine.")
    return films


def api_get_paths(film, member):
    """Every GET path of the API schema, with real ids and usernames."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    # A list id is a film id here: its answers (404 or 200) are fine, a 500 not.
    values = {"id": str(film.pk), "list_id": str(film.pk), "username": member.username}
    for path, item in schema["paths"].items():
        if "get" in item:
            yield re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


def test_pages_are_served_from_the_database(client, broken_cache, catalogue, member):
    film = catalogue[0]
    # Its services bump cache versions: they must survive the outage too.
    film_list = list_create(owner=member, title="Outage")
    list_entry_add(user=member, list_id=film_list.pk, film=film)
    for path in [
        film_list.get_absolute_url(),
        f"/users/{member.username}/lists/",
        "/",
        film.get_absolute_url(),
        f"/search/?q={film.title.split()[0]}",
        f"/users/{member.username}/",
        "/api/docs/",
        "/api/redoc/",
        "/api/schema/",
    ]:
        assert client.get(path).status_code == 200, path


def test_every_api_get_is_served(api_client, broken_cache, catalogue, member):
    api_client.force_authenticate(member)
    for path in api_get_paths(catalogue[0], member):
        response = api_client.get(path, {"q": "a", "query": "a"})
        # The TMDB search answers 503 (TMDB is not configured here); that is
        # TMDB's outage, not the cache's.
        assert response.status_code < 500 or path.startswith("/api/v1/tmdb/"), path


def test_tokens_and_writes_work(api_client, broken_cache, catalogue, member, password):
    response = api_client.post(
        "/api/v1/auth/token/", {"username": member.username, "password": password}
    )
    assert response.status_code == 200
    refresh = response.json()["refresh"]
    assert (
        api_client.post("/api/v1/auth/token/refresh/", {"refresh": refresh}).status_code
        == 200
    )
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    response = api_client.post(
        "/api/v1/reviews/", {"film": catalogue[1].pk, "rating": 6}
    )
    assert response.status_code == 201


def test_signing_in_on_the_site_works_with_rate_limits_on(
    client, broken_cache, member, password, rate_limits
):
    response = client.post(
        "/accounts/login/", {"login": member.username, "password": password}
    )
    assert response.status_code == 302
    # Signed in, through the session's database copy.
    response = client.get(f"/users/{member.username}/")
    assert response.status_code == 200
    assert response.context["user"] == member


def test_rate_limits_still_count_during_an_outage(
    client, broken_cache, member, password, rate_limits
):
    """Failed logins are counted in the worker's memory: after five for one
    account even the right password waits, as with the cache up."""
    for _ in range(5):
        response = client.post(
            "/accounts/login/", {"login": member.username, "password": "wrong"}
        )
        assert TOO_MANY not in response.content.decode()
    response = client.post(
        "/accounts/login/", {"login": member.username, "password": password}
    )
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_readyz_reports_the_cache_separately(client, broken_cache, caplog):
    response = client.get("/readyz")
    client.get("/readyz")

    # One warning for the outage, not one per call.
    warnings = [r for r in caplog.records if r.name == "filmtracker.cache_backend"]
    assert [r.getMessage().split(" (")[0] for r in warnings] == ["Cache unreachable"]
    assert response.json()["cache_stats"]["errors"] >= 1
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.json()["cache"] == "unavailable"
    assert response.json()["status"] == "degraded"
    assert client.get("/healthz").status_code == 200


def test_readyz_is_ok_when_both_answer(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["cache"] == "ok"


def test_readyz_is_503_when_the_database_is_down(client, monkeypatch):
    from django.db import OperationalError, connection

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    # Liveness stays up: restarting the process would not bring the database back.
    assert client.get("/healthz").status_code == 200


def test_writes_lost_in_an_outage_are_undone_when_the_cache_returns(monkeypatch):
    """A sign-out or version bump that did not reach Redis must not let the old
    value come back afterwards: the key is deleted on recovery."""
    from django_redis.cache import RedisCache
    from redis.exceptions import ConnectionError as RedisConnectionError

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        if os.environ.get("FILMTRACKER_E2E_REQUIRED"):
            raise
        pytest.skip("no Redis on 127.0.0.1:6379")
    live = cache_backend.ResilientRedisCache(
        "redis://127.0.0.1:6379/0",
        {"KEY_PREFIX": f"fttest-outage-{os.getpid()}", "OPTIONS": {"RETRY_AFTER": 0}},
    )
    live.set_many({"session": "signed in", "version": "old"}, 30)

    def down(self, *args, **kwargs):
        raise RedisConnectionError("Connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(RedisCache, "delete", down)
        patch.setattr(RedisCache, "set", down)
        assert live.delete("session") is False  # a sign-out, lost
        assert live.set("version", "new", 30) is False  # a version bump, lost
    try:
        # Redis answers again: neither old value is served.
        assert live.get_many(["session", "version"]) == {}
    finally:
        live.delete_many(["session", "version"])
