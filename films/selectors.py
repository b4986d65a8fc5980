"""Read-side queries for films, shared by the site and the API."""

import dataclasses

from django.db.models import F, Prefetch, Q
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils import timezone
from modelsearch.backends import get_search_backend
from wagtail.images import get_image_model

from .models import Film
from .tmdb import DEFAULT_LANGUAGE, get_client

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


def film_list_stale(*, older_than):
    """TMDB films last synced more than `older_than` (a timedelta) ago, oldest first.

    Films TMDB no longer has (`tmdb_missing`) and films entered by hand are left out.
    """
    cutoff = timezone.now() - older_than
    return (
        Film.objects.filter(tmdb_id__isnull=False, tmdb_missing=False)
        .filter(Q(tmdb_synced_at__isnull=True) | Q(tmdb_synced_at__lt=cutoff))
        .order_by(F("tmdb_synced_at").asc(nulls_first=True), "pk")
        .prefetch_related("genres", "credits__person")
    )


def tmdb_search_not_imported(*, query, year=None, page=1, language=DEFAULT_LANGUAGE):
    """A TMDB search page without the films already in the local catalogue.

    `page`, `total_pages` and `total_results` stay TMDB's (they count the
    films left out too). Raises TMDBError subtypes, TMDBNotConfigured first.
    """
    found = get_client().search_movies(
        query=query, year=year, page=page, language=language
    )
    ids = [movie.tmdb_id for movie in found.results]
    local = set(Film.objects.filter(tmdb_id__in=ids).values_list("tmdb_id", flat=True))
    return dataclasses.replace(
        found, results=[m for m in found.results if m.tmdb_id not in local]
    )
