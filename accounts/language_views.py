"""Switching the site's language (the navbar's language buttons)."""

from django.conf import settings
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from .services import user_language_set


@require_POST
def language_set(request):
    """Django's set_language (cookie + redirect back), remembered for members."""
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        user_language_set(user=request.user, language=language)
    return set_language(request)
