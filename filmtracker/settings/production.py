"""Production: secure by default, fails fast when a secret is missing.

Meant to run behind a TLS-terminating proxy (nginx in docker compose, Render's
load balancer). Every value comes from the environment through base/
(`deployment` holds what only production applies).
"""

import copy

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    CACHE_URL,
    DATABASE_URL,
    DATABASES,
    DEPLOY_CONN_MAX_AGE,
    DEPLOY_DB_POOL_MAX_SIZE,
    DEPLOY_DB_POOL_TIMEOUT,
    DEPLOY_DB_STATEMENT_TIMEOUT,
    DEPLOY_HSTS_SECONDS,
    DEPLOY_SECURE_COOKIES,
    DEPLOY_SSL_REDIRECT,
    INSTALLED_APPS,
    LOGGING,
    SECRET_KEY_GIVEN,
    STORAGES,
)
from .database import production_database

DEBUG = False
# The benchmark's management command is for `make bench` (settings/bench.py).
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "bench"]

# No defaults: a missing secret, database or shared cache stops the process at
# start-up.
if not SECRET_KEY_GIVEN:
    raise ImproperlyConfigured("SECRET_KEY is empty and no SECRET_KEY_FILE holds one")
SECRET_KEY = SECRET_KEY_GIVEN
if not DATABASE_URL:
    raise ImproperlyConfigured("DATABASE_URL is required in production")
# Rate limits, throttles and cache invalidation work only when every worker
# shares one cache: a per-process one would let each worker count (and
# invalidate) on its own, silently.
if CACHE_URL.partition(":")[0] in {"", "locmem", "dummy"}:
    raise ImproperlyConfigured(
        "CACHE_URL must name a cache every worker shares (redis://host:6379/0), "
        "not a per-process one"
    )

# Pooled connections and a statement timeout (settings/database.py): a query
# that runs away is cancelled by PostgreSQL before gunicorn's worker timeout
# (GUNICORN_TIMEOUT, 30 s) kills the worker and leaves it running on the server.
DATABASES = {
    "default": production_database(
        DATABASES["default"],
        pool_max_size=DEPLOY_DB_POOL_MAX_SIZE,
        pool_timeout=DEPLOY_DB_POOL_TIMEOUT,
        conn_max_age=DEPLOY_CONN_MAX_AGE,
        timeout=DEPLOY_DB_STATEMENT_TIMEOUT,
    )
}

# Uploads where base/ puts them (disk or bucket); static files hashed and
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
SECURE_SSL_REDIRECT = DEPLOY_SSL_REDIRECT
SECURE_HSTS_SECONDS = DEPLOY_HSTS_SECONDS
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# --- Cookies ----------------------------------------------------------------

# `__Host-` names make browsers refuse the cookie unless it is Secure, has
# Path=/ and no Domain, so a sibling subdomain cannot plant one. Browsers drop
# such cookies over plain http, hence the unprefixed names for local http.
SECURE_COOKIES = DEPLOY_SECURE_COOKIES
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

# --- Logging: one JSON object per line on stdout, with the request id ----------

# Base's filters and loggers, printed as JSON on stdout, and every request logged.
LOGGING = copy.deepcopy(LOGGING)
LOGGING["formatters"] = {"json": {"()": "filmtracker.logs.JsonFormatter"}}
LOGGING["handlers"]["console"].update(stream="ext://sys.stdout", formatter="json")
# Each request's method, path, status and duration, with its id.
LOGGING["loggers"]["filmtracker.request"]["level"] = "INFO"
