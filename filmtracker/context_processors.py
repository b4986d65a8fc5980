from django.conf import settings

from films.tmdb import tmdb_is_configured


def site(request):
    """Values every page template needs (navbar, footer)."""
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "TMDB_ENABLED": tmdb_is_configured(),
    }
