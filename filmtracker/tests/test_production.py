"""Production settings: `check --deploy` is clean and the security headers are sent.

The header tests run the real `filmtracker.settings.production` module (with
throwaway secrets) and apply everything it changes except the database, cache,
storage and logging, so a header dropped from production.py or base.py fails here.
What the settings do at start-up is in test_production_startup.py.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import override_settings

from films.factories import FilmFactory
from filmtracker.tests.production_env import production_env, settings_fresh

BASE_DIR = Path(__file__).resolve().parents[2]
# What the test run keeps from its own settings: where data lives, not policy.
# INSTALLED_APPS too: production leaves out only `bench` (test_settings_once.py),
# and swapping apps mid-run reloads the app registry.
KEEP_FROM_TEST_SETTINGS = {
    "DATABASES",
    "CACHES",
    "STORAGES",
    "LOGGING",
    "SECRET_KEY",
    "INSTALLED_APPS",
}
HTTPS = {"headers": {"x-forwarded-proto": "https"}}


def test_check_deploy_reports_no_issues():
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.fixture
def production_settings(monkeypatch):
    for key, value in production_env().items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("SECURE_SSL_REDIRECT", raising=False)
    monkeypatch.delenv("SECURE_COOKIES", raising=False)
    module = settings_fresh("filmtracker.settings.production")
    changed = {
        name: value
        for name, value in module.items()
        if name.isupper()
        and name not in KEEP_FROM_TEST_SETTINGS
        and getattr(django_settings, name, object()) != value
    }
    changed["ALLOWED_HOSTS"] = ["testserver", "films.example.org"]
    with override_settings(**changed):
        yield module


def csp_directives(response):
    header = response.headers["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in header.split(";"))
        if part
    }


@pytest.mark.django_db
def test_public_page_sends_every_security_header(client, production_settings):
    response = client.get("/", **HTTPS)

    assert response.status_code == 200
    csp = csp_directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert response.headers["X-Request-ID"]
    permissions = response.headers["Permissions-Policy"]
    assert "camera=()" in permissions and "geolocation=()" in permissions


@pytest.mark.django_db
def test_film_page_has_the_strict_policy_too(client, production_settings):
    film = FilmFactory()

    response = client.get(film.get_absolute_url(), **HTTPS)

    assert response.status_code == 200
    assert csp_directives(response)["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(client, production_settings):
    response = client.get("/films/?page=2")

    assert response.status_code == 301
    assert response.headers["Location"] == "https://testserver/films/?page=2"
    assert "Strict-Transport-Security" not in response.headers


@pytest.mark.django_db
def test_admin_gets_its_own_looser_policy(client, editor, production_settings):
    client.force_login(editor)

    response = client.get("/admin/", **HTTPS)

    assert response.status_code == 200
    csp = csp_directives(response)
    assert "'unsafe-inline'" in csp["script-src"]
    # Wagtail 8's admin needs no eval (tests/functional/test_browser_policies.py).
    assert "'unsafe-eval'" not in csp["script-src"]
    # No Gravatar or any other image host but ours and the poster CDN.
    assert "https:" not in csp["img-src"]
    # Wagtail previews pages in a frame of its own.
    assert csp["frame-ancestors"] == ["'self'"]
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
def test_api_docs_get_their_own_policy(client, production_settings, path):
    response = client.get(path, **HTTPS)

    assert response.status_code == 200
    csp = csp_directives(response)
    # Only our own scripts, rendered in Chromium by test_browser_policies.py.
    assert csp["script-src"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert "blob:" in csp["worker-src"]


@pytest.mark.django_db
def test_the_api_schema_keeps_the_strict_policy(client, production_settings):
    response = client.get("/api/schema/", **HTTPS)

    assert response.status_code == 200
    assert csp_directives(response)["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_cookies_are_secure_httponly_and_host_prefixed(client, production_settings):
    response = client.get("/accounts/login/", **HTTPS)

    assert response.status_code == 200
    csrf = response.cookies["__Host-csrftoken"]
    assert csrf["secure"] is True
    assert csrf["path"] == "/"
    assert csrf["samesite"] == "Lax"
    assert not csrf["domain"]
    assert production_settings["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert production_settings["SESSION_COOKIE_SECURE"] is True
    assert production_settings["SESSION_COOKIE_HTTPONLY"] is True


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/docs/", "/admin/login/", "/api/v1/films/"])
def test_every_response_refuses_powerful_features(client, production_settings, path):
    response = client.get(path, **HTTPS)

    assert "microphone=()" in response.headers["Permissions-Policy"]


def test_the_admin_sends_nothing_to_gravatar_or_wagtails_update_check(
    production_settings,
):
    assert production_settings["WAGTAIL_GRAVATAR_PROVIDER_URL"] is None
    assert production_settings["WAGTAIL_ENABLE_UPDATE_CHECK"] is False


@pytest.mark.django_db
def test_redoc_bundle_is_ours_and_points_at_our_logo(client):
    page = client.get("/api/redoc/").content.decode()
    bundle = client.get("/api/redoc/redoc.standalone.js")

    assert 'src="/api/redoc/redoc.standalone.js"' in page
    assert bundle.status_code == 200
    text = bundle.content.decode()
    assert "cdn.redoc.ly" not in text
    assert "/static/img/redoc-logo.svg" in text


def test_favicon_ico_is_served(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    # An ICO file (served by WhiteNoise, streamed).
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")
