from django.urls import path

from filmtracker.page_cache import cache_public_page

from . import views

app_name = "films"


def _film_shown(response):
    return [response.context_data["film_page"].film_id]


urlpatterns = [
    # "tmdb/import" has a slash, so no film slug can ever shadow it.
    path("tmdb/import/", views.film_import, name="import"),
    # Anonymous visitors get the page from the cache until the film, its
    # credits or its ratings change (films/invalidation.py).
    path(
        "<slug:slug>/",
        cache_public_page(films_from=_film_shown)(views.film_detail),
        name="detail",
    ),
]
