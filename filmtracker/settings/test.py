"""Test run: fast hashing, in-memory email and cache, no network."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "filmtracker-test-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests point TMDB at the fake server explicitly; nothing may reach the internet.
TMDB_API_TOKEN = ""
TMDB_API_KEY = ""
TMDB_BASE_URL = "http://127.0.0.1:9/3"
TMDB_IMAGE_BASE_URL = ""
TMDB_TIMEOUT = 2.0
# Retries stay on (they are tested) but never wait long.
TMDB_RETRIES = 2
TMDB_BACKOFF_FACTOR = 0.01
TMDB_RETRY_MAX_WAIT = 0.2
# Jobs run inside the call that enqueues them; the worker tests
# (jobs/tests/test_worker_process.py) run a real database queue.
TASKS = {"default": {"BACKEND": TASKS_BACKENDS["immediate"]}}  # noqa: F405
# Jobs retry TMDB failures (tested) but never wait long.
JOBS_RETRY_ATTEMPTS = 2
JOBS_RETRY_BACKOFF = 0.01
JOBS_RETRY_MAX_WAIT = 0.05
# Off so tests can repeat logins freely; the `rate_limits` fixture turns them on.
ACCOUNT_RATE_LIMITS = False
# Throttling stays on (so its test exercises the real classes) with rates no
# test reaches; the throttle test lowers them.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {
        "anon": "10000/minute",
        "user": "10000/minute",
        "auth": "10000/minute",
    },
}
# PyJWT warns about HMAC keys under 32 bytes; the test SECRET_KEY is shorter.
SIMPLE_JWT = {
    **SIMPLE_JWT,  # noqa: F405
    "SIGNING_KEY": "filmtracker-test-jwt-signing-key-0123456789",  # noqa: S105
}
