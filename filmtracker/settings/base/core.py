"""The site itself: secret key, hosts, apps, middleware, templates."""

from .environment import BASE_DIR, env


def _secret_key_from_file(path):
    # docker compose leaves SECRET_KEY empty and docker/entrypoint.sh keeps a
    # generated key in this file; commands that skip the entrypoint
    # (`docker compose exec web python manage.py ...`) must find it too.
    if path is not None and path.is_file():
        return path.read_text(encoding="utf-8").strip()
    return ""


# The key the environment gives (SECRET_KEY, else the file SECRET_KEY_FILE
# names), or "": production.py refuses to start without one; development and
# tests sign with a fixed key.
SECRET_KEY_GIVEN = env.str("SECRET_KEY", "") or _secret_key_from_file(
    env.path("SECRET_KEY_FILE", None)
)
SECRET_KEY = SECRET_KEY_GIVEN or "django-insecure-filmtracker-dev-only-key"
# None when unset: development then turns DEBUG on (dev.py), the rest leave it off.
DEBUG_GIVEN = env.bool("DEBUG", None)
DEBUG = bool(DEBUG_GIVEN)
# Development only (dev.py): off by default, see there.
DEBUG_TOOLBAR_ENABLED = env.bool("DEBUG_TOOLBAR", False)
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
    "lists",
    "accounts",
    "exports",
    "search",
    "seo",
    "journal",
    "bench",
    "ops",
    # Before django_tasks_db: its `db_worker` command replaces the package's.
    "jobs",
    "imports",
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
    # Django's, reading sessions made with the backends we had before ours.
    "accounts.middleware.AuthenticationMiddleware",
    # After LocaleMiddleware and authentication: a member's saved language wins.
    "accounts.middleware.MemberLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Members' cached pages: below the session, CSRF, authentication, their
    # language and messages, which it needs (filmtracker/member_page_cache.py).
    "filmtracker.member_page_cache.MemberPageCacheMiddleware",
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
