"""Redoc's bundle, served by us with its one outside address pointed here.

Redoc always shows an "API docs by Redocly" link whose logo it loads from
Redocly's CDN; that request would tell another site who reads our docs (and
the docs' CSP forbids it). The bundle from drf-spectacular-sidecar is served
with that address replaced by a logo among our own static files.
"""

from functools import lru_cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_control

REDOC_BUNDLE = "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
REDOC_LOGO_URL = "https://cdn.redoc.ly/redoc/logo-mini.svg"
LOCAL_LOGO = "img/redoc-logo.svg"


@lru_cache(maxsize=1)
def redoc_bundle_text():
    """The bundle's text with the CDN logo replaced (read once per process)."""
    text = Path(finders.find(REDOC_BUNDLE)).read_text(encoding="utf-8")
    return text.replace(REDOC_LOGO_URL, static(LOCAL_LOGO))


# The bundle changes only with the sidecar package, i.e. with a deploy.
@cache_control(public=True, max_age=60 * 60 * 24)
def redoc_bundle(request):
    return HttpResponse(
        redoc_bundle_text(), content_type="text/javascript; charset=utf-8"
    )
