from django.conf import settings


def site(request):
    """Values every page template needs (navbar, footer)."""
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "TMDB_ENABLED": bool(settings.TMDB_API_TOKEN or settings.TMDB_API_KEY),
    }
