from django.urls import path

from filmtracker.page_cache import cache_public_page

from . import views

app_name = "search"


def _films_listed(response):
    """The films on the results page; None (do not cache) if TMDB failed."""
    context = response.context_data
    if context.get("tmdb_state") == "error":
        return None
    page = context.get("page_obj")
    return [film.pk for film in page] if page else []


urlpatterns = [
    # Keyed on language and query; stale when a listed film changes, and when
    # the catalogue does (a new or renamed film may match).
    path(
        "",
        cache_public_page(films_from=_films_listed, catalogue=True)(views.search),
        name="search",
    ),
]
