"""Whole-page caching for anonymous visitors, invalidated by film versions.

Only "clean" anonymous requests are served from or stored in the cache: GET or
HEAD, no session cookie (so no member, no flash messages, nobody's CSRF state)
and no Authorization header. A response is stored only if rendering it set no
cookie and used no CSRF token, so a cached page never carries someone else's
token. Each entry remembers the versions of the films it shows
(films/cache.py); it is served only while all of them are unchanged.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils.http import urlencode
from django.utils.translation import get_language

from films.cache import cached_entry, catalogue_version, store_entry

PAGE_TIMEOUT = 60 * 10  # bounds what no signal sees, e.g. a TMDB outage ending
HEADER = "X-Page-Cache"


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _key(request):
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    raw = f"{request.path}?{query}"
    digest = hashlib.md5(raw.encode()).hexdigest()  # noqa: S324 - a cache key
    return f"ft:page:{get_language() or ''}:{digest}"


def _storable(request, response):
    return (
        response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
    )


def cache_public_page(*, films_from, catalogue=False, timeout=PAGE_TIMEOUT):
    """Cache a TemplateResponse view's page for anonymous visitors.

    `films_from(response)` lists the ids of the films the page shows (the
    entry goes stale when any of them changes), or None to not store it.
    `catalogue=True` also keys the page on the catalogue version, for pages
    whose film list depends on what exists (search results).
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not _cacheable_request(request):
                return view(request, *args, **kwargs)
            key = _key(request)
            entry = cached_entry(key, catalogue=catalogue)
            if entry is not None:
                content, content_type = entry["value"]
                response = HttpResponse(content, content_type=content_type)
                response[HEADER] = "hit"
                return response
            seen = catalogue_version() if catalogue else None
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            film_ids = films_from(response) if _storable(request, response) else None
            if film_ids is not None:
                store_entry(
                    key,
                    value=(response.content, response["Content-Type"]),
                    film_ids=film_ids,
                    catalogue_seen=seen,
                    timeout=timeout,
                )
                response[HEADER] = "miss"
            return response

        return wrapped

    return decorator
