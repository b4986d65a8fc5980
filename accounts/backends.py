"""Authentication backends that keep the signed-in member's row in the cache.

Every signed-in request loads the member (Django's `get_user`, through the
backend that signed them in): one query per request, the only one a page from
the members' page cache (filmtracker/member_page_cache.py) still made. Here
the row comes from the cache, valid while the member's version
(accounts/cache.py) is the one it was read under; every save of the member
(a new password, name, language, deactivation) bumps that version, at once and
again on commit, so a changed password signs other sessions out as before and
no request ever uses a row older than the last committed change.

Django's own ModelBackend and allauth's AuthenticationBackend do the rest
(authentication, permissions); only `get_user` changes.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend

from films.cache import lookup, store

from .cache import member_key

USER_KEY = "ft:user:{}"
USER_TIMEOUT = 60 * 60


class CachedUserMixin:
    def get_user(self, user_id):
        key = USER_KEY.format(user_id)
        version = member_key(user_id)
        entry, seen = lookup(key, global_keys=[version])
        if entry is not None:
            user = entry["value"]
            return user if self.user_can_authenticate(user) else None
        user = super().get_user(user_id)
        if user is not None:
            store(
                key,
                value=user,
                film_ids=[],
                globals_seen={version: seen[version]},
                timeout=USER_TIMEOUT,
            )
        return user


class CachedModelBackend(CachedUserMixin, ModelBackend):
    """Django's ModelBackend; the member's row from the cache."""


class CachedAuthenticationBackend(CachedUserMixin, AuthenticationBackend):
    """allauth's backend (username or email logins); the member's row cached."""


# Sessions made before these backends name Django's and allauth's own; they
# are read as ours (accounts/middleware.py) rather than signed out.
LEGACY_BACKENDS = {
    "django.contrib.auth.backends.ModelBackend": "accounts.backends.CachedModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend": (
        "accounts.backends.CachedAuthenticationBackend"
    ),
}
