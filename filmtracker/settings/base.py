"""Settings shared by every environment.

Every environment variable is read here, once, through environs; `dev`,
`test` and `production` only change defaults and switch features on or off.
"""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_INLINE
from environs import Env, validate

from .email_url import parse_email_url
from .storage import media_storage

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
    "seo",
    "journal",
    "bench",
    "ops",
    # Before django_tasks_db: its `db_worker` command replaces the package's.
    "jobs",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
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
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    # X-Served-By on every response, probes and cached pages too (when on).
    "filmtracker.middleware.ServedByMiddleware",
    # Answers /healthz before host checks and the HTTPS redirect, so probes that
    # speak plain HTTP to the container (Docker, Render) get their "ok".
    "filmtracker.middleware.HealthCheckMiddleware",
    "filmtracker.middleware.RequestIDMiddleware",
    # Outside the page cache, which stores uncompressed pages (filmtracker/delivery.py).
    "filmtracker.delivery.CompressionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "filmtracker.request_guards.NulInPathMiddleware",
    "filmtracker.middleware.PathCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # /media/ when Django serves it: before sessions and locale, so no Vary.
    "filmtracker.delivery.MediaMiddleware",
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
    # A film's former slugs (films.FilmSlug) redirect to its current address.
    "films.middleware.FilmAddressRedirectMiddleware",
]

# Name the container that answered in an `X-Served-By` header
# (ServedByMiddleware): the compose smoke test tells replicas apart by it. Off
# by default: host names are nobody else's business.
SERVED_BY_HEADER = env.bool("SERVED_BY_HEADER", False)

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
# How production holds its PostgreSQL connections (settings/database.py,
# README "Connections"): psycopg's pool of at most DB_POOL_MAX_SIZE connections
# per process, or with 0 Django's persistent connections (CONN_MAX_AGE seconds;
# 0 as well: a connection per request, e.g. behind PgBouncer). Every statement
# is cancelled after DB_STATEMENT_TIMEOUT seconds (0: never).
DB_POOL_MAX_SIZE = env.int("DB_POOL_MAX_SIZE", 4, validate=validate.Range(min=0))
DB_POOL_TIMEOUT = env.float("DB_POOL_TIMEOUT", 10.0)
CONN_MAX_AGE = env.int("CONN_MAX_AGE", 60)
DB_STATEMENT_TIMEOUT = env.float(
    "DB_STATEMENT_TIMEOUT", 20.0, validate=validate.Range(min=0)
)

# Redis holds the cache and the shared rate-limit and throttle counters of all
# workers. redis:// URLs go to django-redis rather than Django's own RedisCache:
# that one builds a new redis.Redis client for every cache call, which was a
# fifth of the CPU of a cached API response in the benchmark (profiled).
# Our subclass (filmtracker/cache_backend.py) makes the cache optional: when
# Redis is down or hangs, pages and the API serve from the database. Redis is
# on the same network, so half a second is long for it: past that it counts
# as down rather than holding a request.
CACHES = {"default": env.dj_cache_url("CACHE_URL", "locmem://filmtracker")}
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

# --- Email ------------------------------------------------------------------

# Our own parser: environs' dj_email_url does not know consolemail://,
# filemail:// or smtp+tls:// (see email_url.py).
env.add_parser("email_url", parse_email_url)
vars().update(env.email_url("EMAIL_URL", "consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "FilmTracker <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The admin account `make run` and the container's release create (ensure_admin);
# an empty password means "generate one and print it once".
ADMIN_USERNAME = env.str("ADMIN_USERNAME", "admin")
ADMIN_EMAIL = env.str("ADMIN_EMAIL", "admin@localhost.invalid")
ADMIN_PASSWORD = env.str("ADMIN_PASSWORD", "")
# Where members write when they are stuck (shown on the verification and error
# pages); the admin's address unless set.
CONTACT_EMAIL = env.str("CONTACT_EMAIL", "") or ADMIN_EMAIL

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
# Files browsers ask for at the site's root (/favicon.ico), served by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "public"
MEDIA_ROOT = env.path("MEDIA_ROOT", BASE_DIR / "media")
# Where browsers fetch uploads: our own /media/ (nginx, or Django with
# SERVE_MEDIA), or with a bucket its public address or a CDN's, e.g.
# https://media.example.org/ (add that origin to CSP_IMAGE_ORIGINS).
MEDIA_URL = env.str("MEDIA_URL", "/media/")
# Serve uploads from MEDIA_ROOT with Django itself, for a host with no proxy in
# front and no bucket. docker compose leaves it off: nginx passes /media/ on
# to the bucket.
SERVE_MEDIA = env.bool("SERVE_MEDIA", False)
# Uploads (posters, renditions, editors' images and documents) go to an
# S3-compatible bucket when MEDIA_BUCKET names one, else to MEDIA_ROOT
# (filmtracker/storage.py, README "Media in a bucket"). An empty endpoint is
# AWS itself; empty keys leave boto3 to find credentials (an instance role).
MEDIA_BUCKET = env.str("MEDIA_BUCKET", "")
MEDIA_BUCKET_ENDPOINT_URL = env.str("MEDIA_BUCKET_ENDPOINT_URL", "")
MEDIA_BUCKET_REGION = env.str("MEDIA_BUCKET_REGION", "")
MEDIA_BUCKET_ACCESS_KEY_ID = env.str("MEDIA_BUCKET_ACCESS_KEY_ID", "")
MEDIA_BUCKET_SECRET_ACCESS_KEY = env.str("MEDIA_BUCKET_SECRET_ACCESS_KEY", "")
STORAGES = {
    "default": media_storage(
        bucket=MEDIA_BUCKET,
        endpoint_url=MEDIA_BUCKET_ENDPOINT_URL,
        region=MEDIA_BUCKET_REGION,
        access_key_id=MEDIA_BUCKET_ACCESS_KEY_ID,
        secret_access_key=MEDIA_BUCKET_SECRET_ACCESS_KEY,
    ),
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
# Its upload field turns an unreadable image into a form error (see there).
WAGTAILIMAGES_IMAGE_FORM_BASE = "films.image_forms.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt"]
# Documents stream through Wagtail's view, which checks permissions, from
# whichever storage holds them: never a redirect to the file's own address
# (nginx refuses /media/documents/, a bucket keeps them private).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Editors' pages in every site language (wagtail.contrib.simple_translation
# makes a page's Russian copy). No language prefix in URLs: a page serves its
# translation in the visitor's language (home/models.py), as the rest does.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Gravatar would send a hash of each editor's email address to another site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The dashboard would ask releases.wagtail.org for the latest version from
# each editor's browser; upgrades are the operator's business, not theirs.
WAGTAIL_ENABLE_UPDATE_CHECK = False
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
# allauth merges these into its defaults, which all apply, e.g. failed logins
# 10/min per IP and 5 per 5 min per account, sign-ups 20/min per IP, reset
# requests 20/min per IP and 5/min per address, one verification email per
# address every 3 minutes. Ours: asking for the verification link again
# (accounts/verification_views.py), per IP.
ACCOUNT_RATE_LIMITS = {"resend_verification": "5/m/ip"}

# The Wagtail admin signs in through allauth (rate limited, verified email).
# "admin_login" (/admin/login/, in place of Wagtail's own unthrottled form) sends
# visitors to allauth's login and tells signed-in members without admin access so
# instead of bouncing them between the admin and the login page.
WAGTAILADMIN_LOGIN_URL = "admin_login"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# Password resets go through allauth's rate-limited flow only.
WAGTAIL_PASSWORD_RESET_ENABLED = False
# So do email and password changes: the admin's account page links to allauth's
# pages (accounts/wagtail_hooks.py) instead of its own unverified, unlimited forms.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
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

# --- Background jobs ----------------------------------------------------------

# django-tasks. Wagtail's own tasks (search index, reference index, file
# deletions) use the "default" backend too. `database` keeps the queue in the
# site's database (no extra service; `manage.py db_worker` runs the jobs, and
# on PostgreSQL several workers share it with SKIP LOCKED); `immediate` runs
# each job inside the call that enqueued it (tests, or a site with no worker).
TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS_BACKEND = env.str(
    "TASKS_BACKEND", "database", validate=validate.OneOf(TASKS_BACKENDS)
)
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[TASKS_BACKEND]}}
# A worker writes a heartbeat this often (seconds); a running job whose worker
# has been silent for JOBS_WORKER_LOST_AFTER is put back in the queue, at most
# JOBS_MAX_ATTEMPTS times in all, then marked failed (jobs/services.py).
JOBS_HEARTBEAT_SECONDS = env.float("JOBS_HEARTBEAT_SECONDS", 10.0)
JOBS_WORKER_LOST_AFTER = env.float("JOBS_WORKER_LOST_AFTER", 60.0)
JOBS_MAX_ATTEMPTS = env.int("JOBS_MAX_ATTEMPTS", 3)
# Inside a job TMDB's 429/5xx are waited out longer than in a request (nobody
# is waiting on the page): up to JOBS_RETRY_ATTEMPTS tries, waits doubling
# from JOBS_RETRY_BACKOFF seconds, each at most JOBS_RETRY_MAX_WAIT.
JOBS_RETRY_ATTEMPTS = env.int("JOBS_RETRY_ATTEMPTS", 5)
JOBS_RETRY_BACKOFF = env.float("JOBS_RETRY_BACKOFF", 2.0)
JOBS_RETRY_MAX_WAIT = env.float("JOBS_RETRY_MAX_WAIT", 60.0)

# --- REST API ---------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "filmtracker.rest.openapi.AutoSchema",
    # JWT first: its WWW-Authenticate header makes anonymous writes answer 401
    # (sign in) rather than 403 (not allowed).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.api.authentication.MemberJWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticatedOrReadOnly",
    ],
    # JSON only: nothing here takes files, and Django's form parsers read a
    # malformed multipart body as "no fields" (the fuzzer's PATCH of a bare
    # number "succeeded"); anything else is a clear 415.
    "DEFAULT_PARSER_CLASSES": ["filmtracker.rest.parsers.JSONParser"],
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

# The long description of the OpenAPI schema (Swagger UI, Redoc): Markdown.
API_DESCRIPTION = (BASE_DIR / "filmtracker" / "rest" / "api_description.md").read_text(
    encoding="utf-8"
)

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
    # No badge from validator.swagger.io: the docs fetch nothing from elsewhere.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
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
    # Wagtail 8's admin still has inline scripts, but no eval (checked in
    # Chromium on the dashboard, snippet, image, page and user edit screens).
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    # Gravatar is off (below); previews of TMDB posters come from its CDN.
    "img-src": [SELF, "data:", "blob:", *CSP_IMAGE_ORIGINS],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF, "https:"],
    "worker-src": [SELF, "blob:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
# Our docs templates load only local scripts (Swagger UI's start-up script is
# a file, Redoc's bundle is served with its logo pointing here); the libraries
# still inject styles at run time.
CSP_API_DOCS_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "worker-src": [SELF, "blob:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
CSP_PATH_POLICIES = [
    ("/admin/", CSP_ADMIN_DIRECTIVES),
    ("/api/docs/", CSP_API_DOCS_DIRECTIVES),
    ("/api/redoc/", CSP_API_DOCS_DIRECTIVES),
]
# Powerful browser features no page of ours uses, refused for every page
# and anything it embeds (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
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
