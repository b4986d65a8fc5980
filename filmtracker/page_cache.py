"""Whole-page caching for anonymous visitors, invalidated by film versions.

Two halves. Views opt in with `@cache_public_page`, which marks a response
with the films it shows. `PageCacheMiddleware` sits high in the middleware
stack: it answers a hit before the session, locale, CSRF, authentication and
messages middleware run (a hit costs one or two cache round trips and no
database), and on the way out it stores a marked response as those
middleware left it, headers included (Content-Language, Vary, X-Frame-Options).

Only "clean" anonymous requests are served from or stored in the cache: GET or
HEAD, no session cookie (so no member, no flash messages, nobody's CSRF state)
and no Authorization header. A response is stored only if it set no cookie and
used no CSRF token, so a cached page never carries someone else's token. Each
entry remembers the versions of the films it shows (films/cache.py) and, if it
depends on them, of the catalogue and of the editors' pages; it is served only
while all of them are unchanged.
"""

import dataclasses
import hashlib
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils.http import urlencode
from django.utils.translation import get_language_from_request

from films.cache import CATALOGUE_KEY, lookup, store, versions_changed

PAGE_TIMEOUT = 60 * 10  # bounds what no signal sees, e.g. a TMDB outage ending
HEADER = "X-Page-Cache"
# Bumped when an editor publishes, unpublishes or moves a Wagtail page
# (home/signals.py): pages built from editors' content depend on it.
PAGES_KEY = "ft:pages-version"
# Never pages of ours to cache (the API caches its data itself): no cache
# round trip for them.
NEVER_CACHED = ("/api/", "/admin/", "/accounts/", "/documents/", "/i18n/", "/static/")
# Set by upper middleware on every response; never stored.
_NOT_STORED = {"set-cookie", HEADER.lower()}


@dataclasses.dataclass(frozen=True)
class Mark:
    """What a cacheable response shows: the films and the global versions it used."""

    film_ids: list
    catalogue: bool = False
    pages: bool = False
    keys: tuple = ()  # version keys of what else it shows (films/cache.py)

    def global_keys(self):
        return [
            key
            for key, used in ((CATALOGUE_KEY, self.catalogue), (PAGES_KEY, self.pages))
            if used
        ]


def cache_public_page(*, films_from, catalogue=False, pages=False, keys_from=None):
    """Let PageCacheMiddleware cache this view's pages for anonymous visitors.

    `films_from(response)` lists the ids of the films the page shows (the
    entry goes stale when any of them changes), or None to not store it.
    `catalogue=True` also keys the page on the catalogue version, for pages
    whose film list depends on what exists (search results); `pages=True` on
    the editors' pages (the home page's own content). `keys_from(response)`
    lists more version keys the page depends on (strings, bumped with
    `films.cache.versions_changed`), such as a member's diary.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            return mark(response, films_from, catalogue, pages, keys_from)

        return wrapped

    return decorator


def mark(response, films_from, catalogue=False, pages=False, keys_from=None):
    """Mark `response` for the page cache (also for Wagtail pages' `serve`)."""
    if response.status_code == 200:
        film_ids = films_from(response)
        if film_ids is not None:
            keys = tuple(keys_from(response)) if keys_from else ()
            response.page_cache = Mark(list(film_ids), catalogue, pages, keys)
    return response


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(NEVER_CACHED)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def page_key(request):
    # The language as LocaleMiddleware (below) will choose it: no URL
    # prefixes here, and members, whose saved language wins, never get here.
    language = get_language_from_request(request, check_path=False)
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    # The origin too: pages carry absolute addresses (canonical, previews).
    raw = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.md5(raw.encode()).hexdigest()  # noqa: S324 - a cache key
    return f"ft:page:{language}:{digest}"


def _storable(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
    )


class PageCacheMiddleware:
    """Serve and store the pages `@cache_public_page` marked (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        entry, seen = lookup(key, global_keys=(CATALOGUE_KEY, PAGES_KEY))
        if entry is not None:
            return self._replay(entry["value"])
        response = self.get_response(request)
        marked = getattr(response, "page_cache", None)
        if marked is not None and _storable(request, response):
            store(
                key,
                value={
                    "content": response.content,
                    "headers": [
                        (name, value)
                        for name, value in response.items()
                        if name.lower() not in _NOT_STORED
                    ],
                },
                film_ids=marked.film_ids,
                globals_seen={name: seen[name] for name in marked.global_keys()},
                timeout=PAGE_TIMEOUT,
                keys=marked.keys,
            )
            response[HEADER] = "miss"
        return response

    @staticmethod
    def _replay(page):
        response = HttpResponse(page["content"])
        for name, value in page["headers"]:
            response[name] = value
        response[HEADER] = "hit"
        return response


def pages_changed():
    """Invalidate every cached page built from editors' Wagtail pages."""
    versions_changed([PAGES_KEY])
