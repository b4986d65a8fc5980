"""Read-side queries for films, shared by the site and the API."""

import dataclasses

from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.shortcuts import get_object_or_404
from django.utils import timezone
from modelsearch.backends import get_search_backend
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
# An explicitly ordered search re-sorts the most relevant matches, at most this many.
SEARCH_MAX_MATCHES = 1000
AUTOCOMPLETE_LIMIT = 8


def poster_prefetch(lookup="poster"):
    """Load posters and all their renditions in two queries, whatever the count.

    `{% picture %}` / `{% image %}` then find their renditions in memory
    instead of asking the database once per poster.
    """
    return Prefetch(lookup, queryset=get_image_model().objects.prefetch_renditions())


def film_card_queryset():
    """Films as the site's cards list them, with their posters."""
    return Film.objects.with_translation().prefetch_related(poster_prefetch())


def search_text(text):
    """Words to search for, safe for every search backend.

    modelsearch's SQLite backend wraps each word in double quotes for FTS5
    without escaping a double quote inside it, so `a"b` was an SQL syntax
    error (a 500, found by the API fuzzer in the autocomplete too). There is
    no phrase search here, so quotes carry no meaning: they become spaces.
    """
    return " ".join(text.replace('"', " ").split())


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


def film_search(
    *,
    queryset=None,
    query="",
    year=None,
    genre=None,
    ordering=None,
    orderings=FILM_ORDERINGS,
):
    """Filter, search (Wagtail's search backend) and order films.

    Filters go on the queryset before the search, so the backend searches only
    matching films. Without an ordering a search is ordered by relevance.
    `ordering` is an `orderings` key (default FILM_ORDERINGS; a caller that
    annotates `queryset` adds its own names), `-` first for descending.
    """

    def filtered(films):
        if year is not None:
            films = films.filter(year=year)
        if genre:
            films = films.filter(genres__slug=genre)
        return films

    query = search_text(query or "")
    queryset = filtered(Film.objects.all() if queryset is None else queryset)
    if query and not ordering:
        return get_search_backend().search(query, queryset)
    if query:
        # The backend orders only by indexed fields, not by annotations such as
        # the average: find the most relevant matches, then order those.
        matches = get_search_backend().search(query, filtered(Film.objects.only("pk")))
        queryset = queryset.filter(
            pk__in=[film.pk for film in matches[:SEARCH_MAX_MATCHES]]
        )
    return queryset.order_by(*film_order_by(ordering or "title", orderings=orderings))


def film_order_by(ordering, *, orderings=FILM_ORDERINGS):
    name = orderings[ordering.removeprefix("-")]
    # Titles sort alike on every database: "Night at..." before "Night Train".
    field = Lower(name) if name == "title" else F(name)
    if ordering.startswith("-"):
        return [field.desc(nulls_last=True), Lower("title"), "pk"]
    return [field.asc(nulls_last=True), Lower("title"), "pk"]


def film_autocomplete(*, text, limit=AUTOCOMPLETE_LIMIT):
    """Films whose title (English or translated) starts words with `text`."""
    text = search_text(text)
    if not text:
        return []
    results = get_search_backend().autocomplete(text, Film.objects.with_translation())
    return list(results[:limit])


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


def tmdb_search_not_imported(*, query, year=None, page=1, language=DEFAULT_LANGUAGE):
    """A TMDB search page without the films already in the local catalogue,
    nor adult films (which cannot be imported).

    `page`, `total_pages` and `total_results` stay TMDB's (they count the
    films left out too). Raises TMDBError subtypes, TMDBNotConfigured first.
    """
    found = get_client().search_movies(
        query=query, year=year, page=page, language=language
    )
    ids = [movie.tmdb_id for movie in found.results]
    local = set(Film.objects.filter(tmdb_id__in=ids).values_list("tmdb_id", flat=True))
    return dataclasses.replace(
        found,
        results=[m for m in found.results if m.tmdb_id not in local and not m.adult],
    )
