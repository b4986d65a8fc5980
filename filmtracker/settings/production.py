"""Production: secure by default, fails fast when a secret is missing.

Meant to run behind a TLS-terminating proxy (nginx in docker compose, Render's
load balancer). `SECURE_SSL_REDIRECT=false` and `SECURE_COOKIES=false` exist only
for a local run over plain http://localhost (docker-compose.override.yml).
"""

import copy
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    CONN_MAX_AGE,
    DB_POOL_MAX_SIZE,
    DB_POOL_TIMEOUT,
    DB_STATEMENT_TIMEOUT,
    INSTALLED_APPS,
    LOGGING,
    REST_FRAMEWORK,
    STORAGES,
    env,
)
from .database import production_database

DEBUG = False
# The benchmark's management command is for `make bench` (settings/bench.py).
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "bench"]


def _secret_key():
    """SECRET_KEY, else the key kept in SECRET_KEY_FILE; ImproperlyConfigured
    when neither gives one."""
    key = env.str("SECRET_KEY", "")
    path = Path(env.str("SECRET_KEY_FILE", "") or "/nonexistent")
    # docker compose leaves SECRET_KEY empty and docker/entrypoint.sh keeps a
    # generated key in this file; commands that skip the entrypoint
    # (`docker compose exec web python manage.py ...`) must find it too.
    if not key and path.is_file():
        key = path.read_text(encoding="utf-8").strip()
    if not key:
        raise ImproperlyConfigured(
            "SECRET_KEY is empty and no SECRET_KEY_FILE holds one"
        )
    return key


# No defaults: a missing secret or database stops the process at start-up.
SECRET_KEY = _secret_key()
# Pooled connections and a statement timeout (settings/database.py): a query
# that runs away is cancelled by PostgreSQL before gunicorn's worker timeout
# (GUNICORN_TIMEOUT, 30 s) kills the worker and leaves it running on the server.
DATABASES = {
    "default": production_database(
        env.dj_db_url("DATABASE_URL"),
        pool_max_size=DB_POOL_MAX_SIZE,
        pool_timeout=DB_POOL_TIMEOUT,
        conn_max_age=CONN_MAX_AGE,
        timeout=DB_STATEMENT_TIMEOUT,
    )
}
# Rate limits, throttles and cache invalidation work only when every worker
# shares one cache: a per-process one would let each worker count (and
# invalidate) on its own, silently.
if env.str("CACHE_URL").partition(":")[0] in {"locmem", "dummy"}:
    raise ImproperlyConfigured(
        "CACHE_URL must name a cache every worker shares (redis://host:6379/0), "
        "not a per-process one"
    )

# Uploads where base.py puts them (disk or bucket); static files hashed and
# compressed by whitenoise.
STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- HTTPS behind a proxy ---------------------------------------------------

# The proxy terminates TLS and says so in X-Forwarded-Proto; it must overwrite
# any value the client sent (docker/nginx/default.conf does).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
# One year, subdomains included: what hstspreload.org asks for.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# --- Cookies ----------------------------------------------------------------

# `__Host-` names make browsers refuse the cookie unless it is Secure, has
# Path=/ and no Domain, so a sibling subdomain cannot plant one. Browsers drop
# such cookies over plain http, hence the unprefixed names for local http.
SECURE_COOKIES = env.bool("SECURE_COOKIES", True)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_NAME = "__Host-sessionid" if SECURE_COOKIES else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if SECURE_COOKIES else "csrftoken"
SESSION_COOKIE_HTTPONLY = True
# The CSRF cookie stays readable by our own scripts (Django's documented
# pattern for fetch()); HttpOnly would add nothing, the token is in the page.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Proxies and rate limits ------------------------------------------------

# nginx in docker compose, or Render's load balancer: one proxy by default.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", 1)
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": ALLAUTH_TRUSTED_PROXY_COUNT}

# --- Logging: one JSON object per line on stdout, with the request id ----------

# Base's filters and loggers, printed as JSON on stdout, and every request logged.
LOGGING = copy.deepcopy(LOGGING)
LOGGING["formatters"] = {"json": {"()": "filmtracker.logs.JsonFormatter"}}
LOGGING["handlers"]["console"].update(stream="ext://sys.stdout", formatter="json")
# Each request's method, path, status and duration, with its id.
LOGGING["loggers"]["filmtracker.request"]["level"] = "INFO"
