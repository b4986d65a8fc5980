"""Settings shared by every environment.

Every environment variable is read here, once, through environs; `dev`,
`test` and `production` only change defaults and switch features on or off.
"""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from environs import Env

from .email_url import parse_email_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = Env()
env.read_env(BASE_DIR / ".env", recurse=False)

# --- Core -------------------------------------------------------------------

# Development-only default; production.py requires a real value.
SECRET_KEY = env.str("SECRET_KEY", "django-insecure-filmtracker-dev-only-key")
DEBUG = env.bool("DEBUG", False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
# Render names each web service's public host name here (render.yaml).
RENDER_EXTERNAL_HOSTNAME = env.str("RENDER_EXTERNAL_HOSTNAME", "")
if RENDER_EXTERNAL_HOSTNAME:
    ALLOWED_HOSTS.append(RENDER_EXTERNAL_HOSTNAME)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "home",
    "films",
    "reviews",
    "accounts",
    "search",
    "bench",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "rest_framework_simplejwt",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "allauth",
    "allauth.account",
    "django_bootstrap5",
    "bootstrap",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
]

MIDDLEWARE = [
    # Answers /healthz before host checks and the HTTPS redirect, so probes that
    # speak plain HTTP to the container (Docker, Render) get their "ok".
    "filmtracker.middleware.HealthCheckMiddleware",
    "filmtracker.middleware.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "filmtracker.middleware.PathCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors' cached pages, served before the session, locale,
    # CSRF and auth middleware below (and stored with their headers).
    "filmtracker.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After LocaleMiddleware and authentication: a member's saved language wins.
    "accounts.middleware.MemberLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# HealthCheckMiddleware answers /healthz before everything else (see there).
# Off, /healthz is an ordinary view behind the whole stack: the benchmark's
# ceiling, a bare view, is measured that way.
HEALTHZ_EARLY = env.bool("HEALTHZ_EARLY", True)

ROOT_URLCONF = "filmtracker.urls"
WSGI_APPLICATION = "filmtracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "filmtracker.context_processors.site",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------

# The embedded default: a SQLite file inside the project, so `make run` needs
# no database server. PostgreSQL in production and CI via DATABASE_URL.
DATABASES = {
    "default": env.dj_db_url("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis holds the cache and the shared rate-limit and throttle counters of all
# workers. redis:// URLs go to django-redis rather than Django's own RedisCache:
# that one builds a new redis.Redis client for every cache call, which was a
# fifth of the CPU of a cached API response in the benchmark (profiled).
CACHES = {"default": env.dj_cache_url("CACHE_URL", "locmem://filmtracker")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "django_redis.cache.RedisCache"
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

# --- Email ------------------------------------------------------------------

# Our own parser: environs' dj_email_url does not know consolemail://,
# filemail:// or smtp+tls:// (see email_url.py).
env.add_parser("email_url", parse_email_url)
vars().update(env.email_url("EMAIL_URL", "consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "FilmTracker <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", BASE_DIR / "staticfiles")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", BASE_DIR / "media")
MEDIA_URL = "/media/"
# Serve uploaded media from Django itself, for hosts with no proxy in front
# (Render). docker compose leaves it off: nginx serves /media/ from the volume.
SERVE_MEDIA = env.bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail ----------------------------------------------------------------

WAGTAIL_SITE_NAME = "FilmTracker"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL: every word kept, accents ignored (search/migrations/0003).
        "SEARCH_CONFIG": "filmtracker_search",
    },
}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt"]
WAGTAIL_I18N_ENABLED = False
# Editors pick the admin's language in their Wagtail profile (default: the site's).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Forms (django-bootstrap5) ----------------------------------------------

BOOTSTRAP5 = {
    "field_renderers": {"default": "filmtracker.forms.FieldRenderer"},
}

# --- Accounts (django-allauth) ----------------------------------------------

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
# /api/v1/users/me/ is your own profile, so nobody may be called "me".
ACCOUNT_USERNAME_BLACKLIST = ["me"]
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
# Nobody rates or reviews before proving they own their address. Verification is
# by link; the link opens a page with a button (not verify-on-GET), so mail
# scanners that prefetch links cannot verify an address for someone.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# The browser that signed up is signed in once its link is followed.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_CONFIRMATION_AUTHENTICATED_REDIRECT_URL = "account_settings"
ACCOUNT_UNIQUE_EMAIL = True
# One address per member: a new address replaces the old one only once verified.
ACCOUNT_CHANGE_EMAIL = True
# Tell members by email when their password or address changes.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{WAGTAIL_SITE_NAME}] "
# Sign-up, login and reset answer the same whether an address is known or not.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
# ACCOUNT_RATE_LIMITS is left unset on purpose: allauth's defaults apply, e.g.
# failed logins 10/min per IP and 5 per 5 min per account, sign-ups 20/min per
# IP, reset requests 20/min per IP and 5/min per address.

# The Wagtail admin signs in through allauth (rate limited, verified email).
# "admin_login" (/admin/login/, in place of Wagtail's own unthrottled form) sends
# visitors to allauth's login and tells signed-in members without admin access so
# instead of bouncing them between the admin and the login page.
WAGTAILADMIN_LOGIN_URL = "admin_login"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# Password resets go through allauth's rate-limited flow only.
WAGTAIL_PASSWORD_RESET_ENABLED = False
# How many proxies we run in front of Django (nginx in docker compose, Render's
# load balancer): allauth's rate limits then see the client's address, not ours.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", 0)

# --- TMDB -------------------------------------------------------------------

TMDB_API_TOKEN = env.str("TMDB_API_TOKEN", "")
TMDB_API_KEY = env.str("TMDB_API_KEY", "")
TMDB_BASE_URL = env.str("TMDB_BASE_URL", "https://api.themoviedb.org/3")
TMDB_IMAGE_BASE_URL = env.str("TMDB_IMAGE_BASE_URL", "")
TMDB_TIMEOUT = env.float("TMDB_TIMEOUT", 5.0)
TMDB_CACHE_TTL = env.int("TMDB_CACHE_TTL", 60 * 60)
# TMDB asks clients to cache /configuration and check it "every few days".
TMDB_CONFIGURATION_TTL = env.int("TMDB_CONFIGURATION_TTL", 3 * 24 * 60 * 60)
# Retries on 429/5xx and refused connections (urllib3 Retry). The waits stay
# small: a member is waiting for the page, so a long Retry-After is capped.
TMDB_RETRIES = env.int("TMDB_RETRIES", 2)
TMDB_BACKOFF_FACTOR = env.float("TMDB_BACKOFF_FACTOR", 0.5)
TMDB_RETRY_MAX_WAIT = env.float("TMDB_RETRY_MAX_WAIT", 3.0)
# TMDB's terms forbid keeping its data longer than 6 months; `refresh_films`
# re-syncs films older than this many days (run it at least weekly).
TMDB_REFRESH_AFTER_DAYS = env.int("TMDB_REFRESH_AFTER_DAYS", 150)

# --- REST API ---------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "filmtracker.rest.openapi.AutoSchema",
    # JWT first: its WWW-Authenticate header makes anonymous writes answer 401
    # (sign in) rather than 403 (not allowed).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticatedOrReadOnly",
    ],
    # JSON only: nothing here takes files, and Django's form parsers read a
    # malformed multipart body as "no fields" (the fuzzer's PATCH of a bare
    # number "succeeded"); anything else is a clear 415.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "filmtracker.rest.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "filmtracker.rest.exceptions.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", "120/minute"),
        "user": env.str("API_THROTTLE_USER", "600/minute"),
        # Token endpoints, on top of the above: slows down password guessing.
        "auth": env.str("API_THROTTLE_AUTH", "20/minute"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", 15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", 7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": False,
    "AUTH_HEADER_TYPES": ("Bearer",),
}

API_DESCRIPTION = """
FilmTracker's REST API: the film catalogue, members' ratings and reviews
(one entry per member and film, rated 1-10, shown as ½ to 5 stars) and profiles.
Everything the site does, an API client can do.

## Authentication: session or JWT?

Reading is open to everyone. Writing needs a signed-in member, and rating,
reviewing or importing films needs a **verified email address**.

**Session (cookie)** is what the site's own JavaScript uses. Sign in on the
site; the browser then sends the session cookie with every request. Because a
cookie is sent automatically, every unsafe request (`POST`, `PUT`, `PATCH`,
`DELETE`) must carry the CSRF token from the `csrftoken` cookie in an
`X-CSRFToken` header, or it is refused with 403. Use the session for code that
runs on this site's pages.

**JWT (bearer token)** is for everything else: mobile apps, scripts, other
sites. `POST /api/v1/auth/token/` with your username and password returns a
short-lived `access` token and a longer-lived `refresh` token. Send
`Authorization: Bearer <access>` with each request (no cookie, so no CSRF
token). When the access token expires (401), `POST /api/v1/auth/token/refresh/`
with the refresh token: you get a new pair, and the old refresh token stops
working (rotation). `POST /api/v1/auth/logout/` revokes a refresh token.
Keep the refresh token secret; it is as good as your password until it expires.

## Errors

Every error is JSON with a human-readable `detail`, a machine-readable `code`
and, for invalid input, `errors`: a list of messages per field
(`non_field_errors` for the request as a whole). When TMDB, where films are
imported from, fails, the API answers 502 (TMDB answered wrongly), 503 (TMDB
unavailable, not configured or rate-limiting us) or 504 (TMDB too slow).

## Limits

Requests are rate-limited per client (per IP when anonymous); over the limit
you get 429 with a `Retry-After` header. Lists are paginated: `page` and
`page_size` (at most 100).
"""

SPECTACULAR_SETTINGS = {
    "TITLE": "FilmTracker API",
    "DESCRIPTION": API_DESCRIPTION,
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Separate request and response components: ids in, nested objects out.
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["filmtracker.rest.openapi.only_api_endpoints"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ReviewStatusEnum": "reviews.models.UserFilm.Status",
    },
    "TAGS": [
        {"name": "films", "description": "The film catalogue."},
        {"name": "tmdb", "description": "Finding and importing films from TMDB."},
        {"name": "reviews", "description": "Members' ratings and reviews."},
        {"name": "users", "description": "Members' profiles and film lists."},
        {"name": "auth", "description": "JSON Web Tokens for API clients."},
    ],
}

# --- Security headers --------------------------------------------------------

# Content Security Policy (django-csp 4). The public site runs no inline script
# or style: everything comes from our own static files. Extra image origins
# (TMDB's poster CDN, object storage for media) come from CSP_IMAGE_ORIGINS.
CSP_IMAGE_ORIGINS = env.list("CSP_IMAGE_ORIGINS", ["https://image.tmdb.org"])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *CSP_IMAGE_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Looser policies for pages we do not write ourselves, by path prefix (see
# filmtracker.middleware.PathCSPMiddleware): the Wagtail admin still has inline
# scripts and styles and previews pages in frames; Swagger UI and Redoc (our
# templates have no inline code, the libraries are another matter) inject
# styles at run time and Redoc runs a blob: worker.
CSP_ADMIN_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", "https:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF, "https:"],
    "worker-src": [SELF, "blob:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
CSP_API_DOCS_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "https:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "worker-src": [SELF, "blob:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [NONE],
}
CSP_PATH_POLICIES = [
    ("/admin/", CSP_ADMIN_DIRECTIVES),
    ("/api/docs/", CSP_API_DOCS_DIRECTIVES),
    ("/api/redoc/", CSP_API_DOCS_DIRECTIVES),
]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# --- Logging ----------------------------------------------------------------

LOG_LEVEL = env.str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # urllib3 logs request URLs on retries; a TMDB v3 api_key would be in one.
        "redact_secrets": {"()": "filmtracker.log_filters.RedactSecretsFilter"},
        "request_id": {"()": "filmtracker.logs.RequestIDFilter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["redact_secrets", "request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # urllib3 logs full request URLs; TMDB's api_key could be in one.
        "urllib3": {"level": "WARNING"},
        # One line per background task (search index, references) is noise.
        "django_tasks": {"level": "WARNING"},
        # One line per request; runserver already prints its own in development.
        "filmtracker.request": {"level": "WARNING"},
    },
}
