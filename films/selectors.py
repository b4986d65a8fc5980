"""Read-side queries for films, shared by the site and the API."""

import dataclasses

from django.db.models import Count, F, Prefetch, Q
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.images import get_image_model

from .models import Credit, Film, Genre
from .tmdb import DEFAULT_LANGUAGE, get_client

# `?ordering=` names and the fields they sort on; empty values sort last.
FILM_ORDERINGS = {
    "title": "title",
    "year": "year",
    "average": "average_rating",
    "popularity": "popularity",
}
REVIEWS_PAGE_SIZE = 10


def poster_prefetch(lookup="poster"):
    """Load posters and all their renditions in two queries, whatever the count.

    `{% picture %}` / `{% image %}` then find their renditions in memory
    instead of asking the database once per poster.
    """
    return Prefetch(lookup, queryset=get_image_model().objects.prefetch_renditions())


def film_card_queryset():
    """Films as the site's cards list them: the site's numbers and the poster."""
    return (
        Film.objects.with_stats().with_translation().prefetch_related(poster_prefetch())
    )


def film_detail_queryset():
    return (
        Film.objects.with_stats()
        .with_translation()
        .prefetch_related(
            poster_prefetch(),
            "genres",
            Prefetch(
                "credits",
                queryset=Credit.objects.select_related("person").order_by(
                    "role", "order"
                ),
            ),
        )
    )


def film_get_by_slug(*, slug):
    return get_object_or_404(film_detail_queryset(), slug=slug)


def film_list_queryset(*, poster_renditions=()):
    """Films with the site's numbers, genres and poster renditions, no N+1."""
    images = get_image_model().objects.prefetch_renditions(*poster_renditions)
    return (
        Film.objects.with_stats()
        .with_translation()
        .prefetch_related("genres", Prefetch("poster", queryset=images))
    )


def film_order_by(ordering):
    name = FILM_ORDERINGS[ordering.removeprefix("-")]
    # Titles sort alike on every database: "Night at..." before "Night Train".
    field = Lower(name) if name == "title" else F(name)
    if ordering.startswith("-"):
        return [field.desc(nulls_last=True), Lower("title"), "pk"]
    return [field.asc(nulls_last=True), Lower("title"), "pk"]


def film_rating_histogram(*, film):
    """How many members gave each half-star rating, in one grouped query.

    Returns ten buckets, ½★ to 5★, each `{"rating", "stars", "count",
    "percent"}` where `percent` is relative to the biggest bucket (for the bar
    heights) and rounded to a multiple of 5 (the CSS has a class per step).
    """
    from reviews.models import RATING_MAX, RATING_MIN

    counts = dict(
        film.userfilms.filter(rating__isnull=False)
        .order_by()
        .values_list("rating")
        .annotate(n=Count("pk"))
        .values_list("rating", "n")
    )
    peak = max(counts.values(), default=0)
    buckets = []
    for rating in range(RATING_MIN, RATING_MAX + 1):
        count = counts.get(rating, 0)
        percent = round(count * 20 / peak) * 5 if peak else 0
        buckets.append(
            {"rating": rating, "stars": rating / 2, "count": count, "percent": percent}
        )
    return buckets


def film_reviews_queryset(*, film):
    """Members' reviews of a film (entries with a comment), newest first."""
    return (
        film.userfilms.filter(user__is_active=True)
        .exclude(comment="")
        .select_related("user")
        .order_by("-updated_at", "-pk")
    )


def genre_list():
    return Genre.objects.order_by("name")


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


# TMDB pages one request may read looking for films not here yet.
TMDB_PAGES_PER_REQUEST = 3


def tmdb_search_not_imported(*, query, year=None, page=1, language=DEFAULT_LANGUAGE):
    """TMDB's films for `query` that are not in the local catalogue, from `page` on.

    When a TMDB page holds only films already here, the next one is read, up
    to TMDB_PAGES_PER_REQUEST pages, so a search is not left with nothing
    while TMDB has more. Returns the last page read (its `page`, `total_pages`
    and `total_results` stay TMDB's, counting the films left out too) with the
    new films of every page read. Raises TMDBError subtypes, TMDBNotConfigured
    first.
    """
    client = get_client()
    results = []
    for number in range(page, page + TMDB_PAGES_PER_REQUEST):
        found = client.search_movies(
            query=query, year=year, page=number, language=language
        )
        ids = [movie.tmdb_id for movie in found.results]
        local = set(
            Film.objects.filter(tmdb_id__in=ids).values_list("tmdb_id", flat=True)
        )
        results += [m for m in found.results if m.tmdb_id not in local]
        if results or found.page >= found.total_pages:
            break
    return dataclasses.replace(found, results=results)
