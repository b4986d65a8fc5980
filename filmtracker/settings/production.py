"""Production: secure by default, fails fast when a secret is missing."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
# No defaults: a missing secret or database stops the process at start-up.
SECRET_KEY = env.str("SECRET_KEY")
DATABASES = {"default": env.dj_db_url("DATABASE_URL")}
# Persistent connections rather than psycopg's pool: gunicorn's sync workers
# are one thread each, so each needs exactly one connection, kept across
# requests (no connect per request) and checked before reuse after an idle
# spell. A pool only pays off with threaded or async workers. CONN_MAX_AGE=0
# turns this off, e.g. behind PgBouncer in transaction mode.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
