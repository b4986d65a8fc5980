"""Email, languages, static and media files, Wagtail, form rendering."""

from ..storage import media_storage
from .email_url_parser import parse_email_url
from .environment import BASE_DIR, env

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
