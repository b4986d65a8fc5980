"""The member's own language, remembered on their account."""

from django.utils import translation


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
