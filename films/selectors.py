"""Read-side queries for films, shared by the site and the API."""

import dataclasses

from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.images import get_image_model

from .models import Credit, Film, Genre, GenreTranslation, content_language
from .tmdb import DEFAULT_LANGUAGE, get_client

# `?ordering=` names and the fields they sort on; empty values sort last.
# Callers that annotate more (the members' numbers) pass their own names too.
FILM_ORDERINGS = {
    "title": "title",
    "year": "year",
    "popularity": "popularity",
}


def poster_prefetch(lookup="poster"):
    """Load posters and all their renditions in two queries, whatever the count.

    `{% picture %}` / `{% image %}` then find their renditions in memory
    instead of asking the database once per poster.
    """
    return Prefetch(lookup, queryset=get_image_model().objects.prefetch_renditions())


def film_card_queryset():
    """Films as the site's cards list them, with their posters."""
    return Film.objects.with_translation().prefetch_related(poster_prefetch())


def film_detail_queryset():
    return Film.objects.with_translation().prefetch_related(
        poster_prefetch(),
        genres_prefetch(),
        Prefetch(
            "credits",
            queryset=Credit.objects.select_related("person").order_by("role", "order"),
        ),
    )


def film_get_by_slug(*, slug, queryset=None):
    """The film with this slug from `queryset` (film_detail_queryset()); Http404."""
    films = film_detail_queryset() if queryset is None else queryset
    return get_object_or_404(films, slug=slug)


def film_list_queryset(*, poster_renditions=()):
    """Films with genres and poster renditions, no N+1."""
    images = get_image_model().objects.prefetch_renditions(*poster_renditions)
    return Film.objects.with_translation().prefetch_related(
        genres_prefetch(), Prefetch("poster", queryset=images)
    )


def film_order_by(ordering, *, orderings=FILM_ORDERINGS):
    name = orderings[ordering.removeprefix("-")]
    # Titles sort alike on every database: "Night at..." before "Night Train".
    field = Lower(name) if name == "title" else F(name)
    if ordering.startswith("-"):
        return [field.desc(nulls_last=True), Lower("title"), "pk"]
    return [field.asc(nulls_last=True), Lower("title"), "pk"]


def genres_prefetch(lookup="genres"):
    """Prefetch films' genres with their names in the active language."""
    return Prefetch(lookup, queryset=Genre.objects.with_translation())


def genre_list(*, language=None):
    """Genres ordered by their name in `language` (default: the active one).

    Each carries `name_shown`, that name (English when it has none), worked
    out in the same query.
    """
    language = content_language(language)
    translated = GenreTranslation.objects.filter(
        genre=OuterRef("pk"), language=language
    ).values("name")[:1]
    return Genre.objects.annotate(
        name_shown=Coalesce(Subquery(translated), F("name"))
    ).order_by("name_shown", "pk")


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
    """TMDB's films for `query` that are not in the local catalogue, from `page` on,
    nor adult films (which cannot be imported).

    When a TMDB page holds no such film, the next one is read, up to
    TMDB_PAGES_PER_REQUEST pages, so a search is not left with nothing while
    TMDB has more. Returns the last page read (its `page`, `total_pages` and
    `total_results` stay TMDB's, counting the films left out too) with the
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
        results += [m for m in found.results if m.tmdb_id not in local and not m.adult]
        if results or found.page >= found.total_pages:
            break
    return dataclasses.replace(found, results=results)
