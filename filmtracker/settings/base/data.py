"""The database, the cache, sessions and who may sign in."""

import dj_database_url
import django_cache_url

from .environment import BASE_DIR, env

# The embedded default: a SQLite file inside the project, so `make run` needs
# no database server. PostgreSQL in production and CI via DATABASE_URL.
# production.py requires DATABASE_URL.
DATABASE_URL = env.str("DATABASE_URL", "")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The job worker writes beside the web process: WAL lets readers go on
    # while one writes, and IMMEDIATE transactions take the write lock up front
    # (waiting up to `timeout` seconds) instead of failing half-way with
    # "database is locked" when two transactions upgrade at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL;",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis holds the cache and the shared rate-limit and throttle counters of all
# workers. redis:// URLs go to django-redis rather than Django's own RedisCache:
# that one builds a new redis.Redis client for every cache call, which was a
# fifth of the CPU of a cached API response in the benchmark (profiled).
# Our subclass (filmtracker/cache_backend.py) makes the cache optional: when
# Redis is down or hangs, pages and the API serve from the database. Redis is
# on the same network, so half a second is long for it: past that it counts
# as down rather than holding a request.
# production.py requires a shared one (no locmem:// or dummy://).
CACHE_URL = env.str("CACHE_URL", "")
CACHES = {"default": django_cache_url.parse(CACHE_URL or "locmem://filmtracker")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "filmtracker.cache_backend.ResilientRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        SOCKET_CONNECT_TIMEOUT=0.5,
        SOCKET_TIMEOUT=0.5,
        # DRF's throttles and allauth's rate limits: counted per worker
        # during an outage rather than not at all (README "Security").
        LOCAL_KEY_PREFIXES=["throttle_", "allauth:rl:"],
    )
# Sessions read through the cache (written to both): a signed-in page view
# costs no session query while the cache holds it.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
