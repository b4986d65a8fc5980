"""Whole-page caching for signed-in members: per member and per browser.

The pages the visitors' cache keeps (views marked with `@cache_public_page`,
filmtracker/page_cache.py) are kept for members too, apart for each of them:
a member's page also shows their own part, the navbar (their name, whether
they may reach the editors' admin), their rating, status and viewings, the
rating form (with "today" on their calendar) and a CSRF token.

An entry is keyed on the member, a digest of their browser's CSRF secret, the
language, the member's "today" and the address. It remembers the versions it
was built from and is served only while all are unchanged: the films it shows
(films/cache.py), the member's own version and those of the members it lists
(accounts/cache.py), the permissions version, and the catalogue and editors'
pages versions if the view named them. Every write to a member's own data
bumps their version, so the page after a change is always built afresh: a
member never sees their own data stale.

It sits below the session, CSRF, authentication, member language and messages
middleware, so:
- the member is known and verified against the session (a password change
  signs the other sessions out before any cached page is looked up);
- a request with flash messages waiting is never served from the cache, and a
  page that showed or added messages is never stored: a message shows once;
- the CSRF token in a stored page is masked from the secret in this browser's
  CSRF cookie, which is part of the key, so it stays valid for this browser
  and no other: a page built for another browser (another secret) is never
  served to this one. A request without a valid CSRF cookie is neither served
  nor stored (rendering sets its cookie). Replaying one masked token does not
  help BREACH: the replayed bytes never change, and anything that changes the
  page (a new review) builds it again with a new mask.
"""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.utils.translation import get_language

from accounts.cache import PERMISSIONS_KEY, member_key
from accounts.time_zones import member_today
from films.cache import CATALOGUE_KEY, lookup, store

from .page_cache import (
    HEADER,
    NEVER_CACHED,
    PAGE_TIMEOUT,
    PAGES_KEY,
    address_digest,
    replay,
    stored_page,
)


def _csrf_secret(request):
    """This browser's CSRF secret as CsrfViewMiddleware read it, or None."""
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return None  # no valid cookie: rendering gives the browser a new one
    return request.META.get("CSRF_COOKIE") or None


def member_page_key(request):
    """The cache key of this member's page at this address, or None if it
    must not come from the cache (see the module)."""
    if (
        request.method not in ("GET", "HEAD")
        or request.path.startswith(NEVER_CACHED)
        or "HTTP_AUTHORIZATION" in request.META
    ):
        return None
    user = request.user
    secret = _csrf_secret(request)
    if not user.is_authenticated or secret is None:
        return None
    # Waiting messages are shown by the page that renders them, once.
    if len(messages.get_messages(request)):
        return None
    browser = hashlib.sha256(f"{settings.SECRET_KEY}:{secret}".encode()).hexdigest()[
        :32
    ]
    today = member_today(user).isoformat()
    return (
        f"ft:member-page:{user.pk}:{browser}:{get_language()}:{today}:"
        f"{address_digest(request)}"
    )


def _storable(request, response, secret):
    storage = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        # The page showed or added messages: they must not come back.
        and not (storage is not None and (storage.used or storage.added_new))
        # The request changed the session: not a plain page view.
        and not request.session.modified
        # The CSRF secret the page's token is masked from is still this
        # browser's (a sign-in during the request would have rotated it).
        and request.META.get("CSRF_COOKIE") == secret
    )


class MemberPageCacheMiddleware:
    """Serve and store signed-in members' marked pages (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = member_page_key(request)
        if key is None:
            return self.get_response(request)
        secret = _csrf_secret(request)
        own = [member_key(request.user.pk), PERMISSIONS_KEY]
        entry, seen = lookup(key, global_keys=[*own, CATALOGUE_KEY, PAGES_KEY])
        if entry is not None:
            return replay(entry["value"])
        response = self.get_response(request)
        marked = getattr(response, "page_cache", None)
        if marked is not None and _storable(request, response, secret):
            store(
                key,
                value=stored_page(response),
                film_ids=marked.film_ids,
                globals_seen={
                    name: seen[name] for name in [*own, *marked.global_keys()]
                },
                timeout=PAGE_TIMEOUT,
                version_keys=marked.version_keys(),
            )
            response[HEADER] = "miss"
        return response
