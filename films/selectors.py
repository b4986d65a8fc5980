"""Read-side queries for films, shared by the site and the API."""

from django.db.models import F, Prefetch
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from modelsearch.backends import get_search_backend
from wagtail.images import get_image_model

from .models import Film

# `?ordering=` names and the fields they sort on; empty values sort last.
FILM_ORDERINGS = {
    "title": "title",
    "year": "year",
    "average": "average_rating",
    "popularity": "popularity",
}
# An explicitly ordered search re-sorts the most relevant matches, at most this many.
SEARCH_MAX_MATCHES = 1000
AUTOCOMPLETE_LIMIT = 8


def film_detail_queryset():
    return (
        Film.objects.with_stats()
        .select_related("poster")
        .prefetch_related("genres", "credits__person")
    )


def film_get_by_slug(*, slug):
    return get_object_or_404(film_detail_queryset(), slug=slug)


def film_list_queryset(*, poster_renditions=()):
    """Films with the site's numbers, genres and poster renditions, no N+1."""
    images = get_image_model().objects.prefetch_renditions(*poster_renditions)
    return Film.objects.with_stats().prefetch_related(
        "genres", Prefetch("poster", queryset=images)
    )


def film_search(*, queryset=None, query="", year=None, genre=None, ordering=None):
    """Filter, search (Wagtail's search backend) and order films.

    Filters go on the queryset before the search, so the backend searches only
    matching films. Without an ordering a search is ordered by relevance.
    `ordering` is a FILM_ORDERINGS key, `-` first for descending.
    """

    def filtered(films):
        if year is not None:
            films = films.filter(year=year)
        if genre:
            films = films.filter(genres__slug=genre)
        return films

    queryset = filtered(Film.objects.with_stats() if queryset is None else queryset)
    if query and not ordering:
        return get_search_backend().search(query, queryset)
    if query:
        # The backend orders only by indexed fields, not by annotations such as
        # the average: find the most relevant matches, then order those.
        matches = get_search_backend().search(query, filtered(Film.objects.only("pk")))
        queryset = queryset.filter(
            pk__in=[film.pk for film in matches[:SEARCH_MAX_MATCHES]]
        )
    return queryset.order_by(*film_order_by(ordering or "title"))


def film_order_by(ordering):
    name = FILM_ORDERINGS[ordering.removeprefix("-")]
    # Titles sort alike on every database: "Night at..." before "Night Train".
    field = Lower(name) if name == "title" else F(name)
    if ordering.startswith("-"):
        return [field.desc(nulls_last=True), Lower("title"), "pk"]
    return [field.asc(nulls_last=True), Lower("title"), "pk"]


def film_autocomplete(*, text, limit=AUTOCOMPLETE_LIMIT):
    """Films whose title starts words with `text`, for the search box."""
    results = get_search_backend().autocomplete(
        text, Film.objects.all(), fields=["title"]
    )
    return list(results[:limit])


def tmdb_search_not_imported(*, query, year=None, page=1, language="en-US"):
    # placeholder until the TMDB branch lands
    from . import tmdb

    raise tmdb.TMDBNotConfigured("TMDB is not configured.")
