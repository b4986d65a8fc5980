"""Production settings at start-up: what the environment switches, what it refuses.

Each test runs `filmtracker.settings.production` (or base) afresh under
`production_env()`; the headers those settings send are in test_production.py.
"""

import os

import pytest

from filmtracker.tests.production_env import production_env, settings_fresh


def test_local_http_mode_drops_secure_cookies_and_the_prefix(monkeypatch):
    for key, value in production_env().items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("SECURE_SSL_REDIRECT", "false")
    monkeypatch.setenv("SECURE_COOKIES", "false")

    module = settings_fresh("filmtracker.settings.production")

    assert module["SECURE_SSL_REDIRECT"] is False
    assert module["SESSION_COOKIE_SECURE"] is False
    assert module["SESSION_COOKIE_NAME"] == "sessionid"
    assert module["CSRF_COOKIE_NAME"] == "csrftoken"
    # Still on: headers that do not depend on https.
    assert module["X_FRAME_OPTIONS"] == "DENY"


def test_production_logs_json_lines_and_every_request(monkeypatch):
    for key, value in production_env().items():
        monkeypatch.setenv(key, value)
    base = settings_fresh("filmtracker.settings.base")["LOGGING"]
    logging = settings_fresh("filmtracker.settings.production")["LOGGING"]

    console = logging["handlers"]["console"]
    assert logging["formatters"]["json"]["()"] == "filmtracker.logs.JsonFormatter"
    assert (console["formatter"], console["stream"]) == ("json", "ext://sys.stdout")
    # The secret-redacting filter and the rest come from base, not a copy.
    assert console["filters"] == base["handlers"]["console"]["filters"]
    assert logging["loggers"]["filmtracker.request"]["level"] == "INFO"
    assert base["loggers"]["filmtracker.request"]["level"] == "WARNING"  # untouched


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    for key, value in production_env().items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("SECRET_KEY")

    with pytest.raises(Exception, match="SECRET_KEY"):
        settings_fresh("filmtracker.settings.production")


def test_production_refuses_an_empty_secret_key(monkeypatch):
    for name, value in production_env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SECRET_KEY", "")
    monkeypatch.setenv("SECRET_KEY_FILE", "/nonexistent/secret_key")

    with pytest.raises(Exception, match="SECRET_KEY"):
        settings_fresh("filmtracker.settings.production")


def test_an_empty_secret_key_is_read_from_the_key_file(monkeypatch, tmp_path):
    # docker compose: the entrypoint keeps the key in a file, and a command
    # run with `docker compose exec` (no entrypoint) must sign with it too.
    path = tmp_path / "secret_key"
    path.write_text("kept-in-the-state-volume\n", encoding="utf-8")
    for name, value in production_env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SECRET_KEY", "")
    monkeypatch.setenv("SECRET_KEY_FILE", str(path))

    loaded = settings_fresh("filmtracker.settings.production")
    assert loaded["SECRET_KEY"] == "kept-in-the-state-volume"


@pytest.mark.parametrize("cache_url", [None, "locmem://", "dummy://"])
def test_production_refuses_to_start_without_a_shared_cache(monkeypatch, cache_url):
    for key, value in production_env().items():
        monkeypatch.setenv(key, value)
    if cache_url is None:
        monkeypatch.delenv("CACHE_URL")
    else:
        monkeypatch.setenv("CACHE_URL", cache_url)

    with pytest.raises(Exception, match="CACHE_URL"):
        settings_fresh("filmtracker.settings.production")


def test_redis_cache_url_selects_django_redis(monkeypatch):
    for key, value in production_env().items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("CACHE_URL", "redis://redis:6379/0")

    module = settings_fresh("filmtracker.settings.base")

    default = module["CACHES"]["default"]
    assert default["BACKEND"] == "filmtracker.cache_backend.ResilientRedisCache"
    assert default["LOCATION"] == "redis://redis:6379/0"
    # Short enough that a hanging Redis cannot hold a request for long.
    assert default["OPTIONS"]["SOCKET_TIMEOUT"] <= 1
    assert default["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 1


def test_django_redis_serves_what_the_site_asks_of_a_cache():
    """Against the Redis on loopback: the calls films/cache.py and the page
    cache make (get_many, set_many, add) and a pickled page entry."""
    import socket

    from filmtracker.cache_backend import ResilientRedisCache

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        if os.environ.get("FILMTRACKER_E2E_REQUIRED"):
            raise
        pytest.skip("no Redis on 127.0.0.1:6379")
    cache = ResilientRedisCache(
        "redis://127.0.0.1:6379/0", {"KEY_PREFIX": f"fttest-{os.getpid()}"}
    )
    try:
        entry = {"content": b"<p>page</p>", "headers": [("Vary", "Cookie")]}
        cache.set_many({"page": entry, "version": "a"}, 30)
        assert cache.get_many(["page", "version", "missing"]) == {
            "page": entry,
            "version": "a",
        }
        assert cache.add("version", "b", 30) is False
        assert cache.add("other", "b", 30) is True
    finally:
        cache.delete_many(["page", "version", "other"])
