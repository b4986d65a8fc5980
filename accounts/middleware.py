"""The member's own language, remembered on their account; sessions' backends."""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.middleware import (
    AuthenticationMiddleware as DjangoAuthenticationMiddleware,
)
from django.utils import translation

from .backends import LEGACY_BACKENDS


class AuthenticationMiddleware(DjangoAuthenticationMiddleware):
    """Django's, after renaming a session's legacy backend to its cached twin.

    Sessions signed in before accounts/backends.py name Django's or allauth's
    backend, no longer in AUTHENTICATION_BACKENDS: Django would treat them as
    signed out. Renamed once (the session is saved), they sign in as before.
    """

    def process_request(self, request):
        backend = request.session.get(BACKEND_SESSION_KEY)
        if backend in LEGACY_BACKENDS:
            request.session[BACKEND_SESSION_KEY] = LEGACY_BACKENDS[backend]
        super().process_request(request)


class MemberLanguageMiddleware:
    """Speak a signed-in member's saved language, whatever the browser asks.

    Runs after LocaleMiddleware (which chose from the cookie or the
    Accept-Language header) and AuthenticationMiddleware. Members who never
    switched (empty `language`) keep LocaleMiddleware's choice.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        language = getattr(user, "language", "") if user else ""
        if user is not None and user.is_authenticated and language:
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
