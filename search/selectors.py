"""Film search: one behaviour for the search page, the API's `q` and autocomplete.

Matching is Wagtail's search backend (PostgreSQL full text in production)
over normalised text (films/search_text.py); the order is search/ranking.py.
"""

from dataclasses import dataclass, field

from django.db import connection
from modelsearch.query import Fuzzy, PlainText
from wagtail.search.backends import get_search_backend

from films.models import Film, FilmTranslation
from films.search_text import normalise
from films.selectors import FILM_ORDERINGS, film_order_by
from films.years import FILM_YEAR_MAX, FILM_YEAR_MIN
from reviews.selectors import film_rating_counts

from . import ranking

# The most relevant matches each backend query (words; title prefixes) hands
# to the ranking: a search lists at most twice this many films, 10 pages.
# Each costs: a common word matches thousands of films, which the backend
# ranks and joins to their rows before the limit; 300 made the slowest
# searches of `make bench` take twice as long as 100.
SEARCH_MAX_MATCHES = 100
AUTOCOMPLETE_MATCHES = 30
AUTOCOMPLETE_LIMIT = 8
# Words after these are ignored: no title is longer, and each word costs.
QUERY_MAX_WORDS = 16
# Typo fallback: the backend's trigram matches examined, and how close a
# title must be (difflib ratio, 0..1) to be offered.
TYPO_CANDIDATES = 60
TYPO_THRESHOLD = 0.75


@dataclass(frozen=True, slots=True)
class FilmMatches:
    """Film ids in result order, and how the query was read.

    `year` is the year taken from the end of the query when it filtered;
    `corrected` the title shown as "Showing results for …" when the films are
    typo matches (PostgreSQL only), else None.
    """

    film_ids: list[int] = field(default_factory=list)
    year: int | None = None
    corrected: str | None = None


class FilmsInOrder:
    """Films for `film_ids`, in that order, loaded a page (slice) at a time.

    Paginators (Django's and DRF's) need only len() and slicing.
    """

    def __init__(self, queryset, film_ids):
        self.queryset = queryset
        self.film_ids = film_ids

    def __len__(self):
        return len(self.film_ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self.film_ids[index]
        films = {film.pk: film for film in self.queryset.filter(pk__in=ids)}
        return [films[pk] for pk in ids if pk in films]


def _filtered(films, *, year, genre):
    if year is not None:
        films = films.filter(year=year)
    if genre:
        films = films.filter(genres__slug=genre)
    return films


def _candidates(results_lists):
    """Candidates from backend results (lists of films), first seen first."""
    films = {}
    for results in results_lists:
        for film in results:
            films.setdefault(film.pk, film)
    translated = {}
    rows = FilmTranslation.objects.filter(film_id__in=list(films))
    for film_id, title in rows.values_list("film_id", "title"):
        translated.setdefault(film_id, []).append(title)
    return [
        ranking.Candidate(
            pk=film.pk,
            titles=(film.title, film.original_title, *translated.get(film.pk, ())),
            popularity=film.popularity,
            position=position,
        )
        for position, film in enumerate(films.values())
    ]


def _matching_ids(query, films, *, limit):
    """Ranked ids of films matching the normalised `query`: words or title prefixes."""
    backend = get_search_backend()
    films = films.only("pk", "title", "original_title", "popularity")
    candidates = _candidates(
        [
            backend.search(PlainText(query, operator="and"), films)[:limit],
            backend.autocomplete(query, films)[:limit],
        ]
    )
    # The ranking's first tie-break: the members' rating counts (reviews/).
    counts = film_rating_counts([c.pk for c in candidates]) if candidates else {}
    return ranking.rank(query, candidates, counts)


def _typo_matches(query, films):
    """(ids, corrected title) of films whose title is a near spelling, or ([], None)."""
    if connection.vendor != "postgresql":
        return [], None  # pg_trgm only; SQLite has no trigram search here
    films = films.only("pk", "title", "original_title", "popularity")
    results = get_search_backend().search(Fuzzy(query), films)
    candidates = _candidates([results[:TYPO_CANDIDATES]])
    ids = ranking.closest(query, candidates, threshold=TYPO_THRESHOLD)
    if not ids:
        return [], None
    best = next(c for c in candidates if c.pk == ids[0])
    corrected = max(best.titles, key=lambda t: ranking.similarity(query, [t]))
    return ids, corrected


def _query_year(words):
    """The year a query ends with (`halloween 2018`), or None."""
    if len(words) < 2 or not (len(words[-1]) == 4 and words[-1].isdigit()):
        return None
    year = int(words[-1])
    return year if FILM_YEAR_MIN <= year <= FILM_YEAR_MAX else None


def film_matches(*, query, year=None, genre=None, limit=SEARCH_MAX_MATCHES):
    """Films matching `query` (any text), filtered by year and genre slug, ranked.

    Returns FilmMatches. A trailing year filters when no `year` is given and
    films of that year match the other words; otherwise it is a title word
    (`2001`, `Blade Runner 2049`). With no match, near spellings (PostgreSQL).
    Never raises on odd input: the backend only ever sees normalised words.
    """
    words = normalise(query).split()[:QUERY_MAX_WORDS]
    if not words:
        return FilmMatches()
    films = Film.objects.all()
    query_year = None if year is not None else _query_year(words)
    if query_year is not None:
        text = " ".join(words[:-1])
        ids = _matching_ids(
            text, _filtered(films, year=query_year, genre=genre), limit=limit
        )
        if ids:
            return FilmMatches(ids, year=query_year)
    text = " ".join(words)
    films = _filtered(films, year=year, genre=genre)
    ids = _matching_ids(text, films, limit=limit)
    if ids:
        return FilmMatches(ids)
    ids, corrected = _typo_matches(text, films)
    return FilmMatches(ids, corrected=corrected)


def film_search(
    *,
    queryset,
    query="",
    year=None,
    genre=None,
    ordering=None,
    orderings=FILM_ORDERINGS,
):
    """Filter, search and order films for a list page or the API.

    Returns (films, matches): `films` supports len() and slicing (a queryset
    without a query or with an `ordering`); `matches` is FilmMatches, or None
    without a query. `ordering` is an `orderings` key (default FILM_ORDERINGS;
    a caller that annotates `queryset` adds its own names, e.g. reviews'
    MEMBER_ORDERINGS), `-` first for descending.
    """
    if not query:
        films = _filtered(queryset, year=year, genre=genre)
        order = film_order_by(ordering or "title", orderings=orderings)
        return films.order_by(*order), None
    matches = film_matches(query=query, year=year, genre=genre)
    if ordering:
        films = queryset.filter(pk__in=matches.film_ids)
        return films.order_by(*film_order_by(ordering, orderings=orderings)), matches
    return FilmsInOrder(queryset, matches.film_ids), matches


def film_autocomplete(*, text, limit=AUTOCOMPLETE_LIMIT):
    """The first `limit` films the search for `text` would list, in that order."""
    matches = film_matches(query=text, limit=AUTOCOMPLETE_MATCHES)
    return FilmsInOrder(Film.objects.with_translation(), matches.film_ids)[:limit]
