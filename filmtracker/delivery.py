"""How responses travel: compressed text, and uploaded media when Django serves it.

Compression: pages and JSON shrink about tenfold with gzip (the home page from
46 KB to 4 KB). Django's GZipMiddleware adds random bytes to every gzip header,
its mitigation of BREACH for pages that carry a CSRF token; only text is
compressed (posters are already compressed, gzip would only cost CPU).

Media: on hosts without a web server in front (Render, `SERVE_MEDIA=true`, and
`make run`), Django serves /media/ itself from the local disk (never from a
bucket: MEDIA_URL is then the bucket's own address). It does so here, before
the session, locale and page-cache middleware, so a poster carries no `Vary: Cookie` or
`Vary: Accept-Language` (one cached copy serves everyone) and gets a lifetime:
Wagtail renditions never change under their name (a new poster is a new image
with a new file name), so browsers and CDNs may keep them for a year.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control
from django.views.static import serve

COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/javascript",
    "application/problem+json",
    "application/vnd.oai.openapi",
    "application/xml",
    "image/svg+xml",
)

# Renditions (`images/`) are named after their source and filter: immutable.
# Originals and other uploads can be replaced in the admin under the same URL.
RENDITION_PREFIX = "images/"
RENDITION_MAX_AGE = 365 * 24 * 3600
MEDIA_MAX_AGE = 24 * 3600


class CompressionMiddleware(GZipMiddleware):
    """GZipMiddleware (with its BREACH mitigation) for text responses only."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").lower()
        if not content_type.startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)


def serves_media():
    """True when Django serves MEDIA_URL: asked to, and the files are on this
    host's disk. A bucket is read at its own address (MEDIA_URL points there)."""
    local = isinstance(default_storage, FileSystemStorage)
    return bool(settings.DEBUG or settings.SERVE_MEDIA) and local


class MediaMiddleware:
    """Serve MEDIA_URL (but documents, which stay behind Wagtail's permission
    checks) when Django is the one serving media; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = settings.MEDIA_URL

    def __call__(self, request):
        path = request.path_info
        if not (serves_media() and path.startswith(self.prefix)):
            return self.get_response(request)
        name = path.removeprefix(self.prefix)
        if name.startswith("documents/") or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        response = serve(request, name, document_root=default_storage.location)
        if response.status_code == 200:
            if name.startswith(RENDITION_PREFIX):
                patch_cache_control(
                    response, public=True, max_age=RENDITION_MAX_AGE, immutable=True
                )
            else:
                patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE)
        return response
