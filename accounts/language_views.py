"""Switching the site's language (the navbar's language buttons)."""

from django.conf import settings
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from .services import user_language_set


@csrf_protect
def _member_language_set(request):
    language = request.POST.get("language", "")
    if language in dict(settings.LANGUAGES):
        user_language_set(user=request.user, language=language)
    return set_language(request)


@csrf_exempt
@require_POST
def language_set(request):
    """Django's set_language (cookie + redirect back), remembered for members.

    Visitors' pages are cached and shared, so their language form has no CSRF
    token: for them a forged switch could only set a language cookie. A
    member's choice is saved on their account, so for members the CSRF check
    applies as everywhere else.
    """
    if request.user.is_authenticated:
        return _member_language_set(request)
    return set_language(request)
