"""Which film a Letterboxd row means, by its name and year.

Letterboxd's short links cannot be resolved offline, so a row is matched by
Name and Year: the local catalogue first (the search's spelling rules,
films.search_text: case, accents and punctuation do not matter; English,
original and translated titles), then TMDB's search, whose film
is imported through films.services on a confident match. A year may be off
by one (a festival premiere against the release). Confident means one film
with exactly that title (in any spelling) and year, or, failing that, one
within a year. Several such films, or none with the exact title, is never a
guess: the row is "ambiguous" with its candidates, for the member to pick.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_noop

from films.models import Film, FilmTranslation
from films.search_text import normalise
from films.services import AdultFilmRefused, FilmImportFailed, film_import_from_tmdb
from films.tmdb import TMDBError, TMDBNotConfigured, TMDBNotFound, TMDBUnavailable
from jobs.retry import with_backoff

from .models import LetterboxdRow

State = LetterboxdRow.State
YEAR_SLACK = 1
SHOWN_CANDIDATES = 8
FILM_IMPORT_REQUESTS = 2  # details in English and Russian (genres are cached)

SEVERAL = gettext_noop("Several films have this title and year.")
NOT_EXACT = gettext_noop("No film has exactly this title; it may be one of these.")
NOT_FOUND = gettext_noop("No film with this title was found.")
NO_TMDB = gettext_noop("No film with this title here, and TMDB lookups are off.")
NOT_LISTED = gettext_noop("TMDB has this film, but FilmTracker does not list it.")


@dataclass
class Match:
    """`film` when matched; else the state, a reason and candidates (dicts)."""

    state: str
    film: Film | None = None
    candidates: list = field(default_factory=list)
    reason: str = ""


def title_key(title):
    """The spelling two titles must share: normalised, without spaces."""
    return "".join(normalise(title).split())


def _pick(items, *, year, year_of):
    """(exact-year items, items within YEAR_SLACK) — every item when no year."""
    if year is None:
        return items, items
    exact = [i for i in items if year_of(i) == year]
    near = [i for i in items if year_of(i) and abs(year_of(i) - year) <= YEAR_SLACK]
    return exact, near


def _decide(items, *, year, year_of):
    """(one item, None) when confident; (None, candidates) otherwise."""
    exact, near = _pick(items, year=year, year_of=year_of)
    for group in (exact, near):
        if len(group) == 1:
            return group[0], []
        if group:
            return None, group
    return None, []


def _candidate(*, film=None, summary=None):
    if film is not None:
        return {
            "film": film.pk,
            "tmdb_id": film.tmdb_id,
            "title": film.title,
            "year": film.year,
        }
    return {
        "film": None,
        "tmdb_id": summary.tmdb_id,
        "title": summary.title,
        "year": summary.year,
    }


class Catalogue:
    """Every local film by title_key of its titles, read once per import run.

    One pass over the catalogue (ids, titles, years) instead of a full-text
    search per row: an exact comparison under the search's spelling rules,
    and a few megabytes for 50,000 films. A film added meanwhile by someone
    else is still found through its TMDB id, never imported twice.
    """

    def __init__(self):
        self._films = None  # title_key -> {film id: year}

    def _load(self):
        films, years = {}, {}
        rows = Film.objects.values_list("pk", "title", "original_title", "year")
        for pk, title, original, year in rows.iterator(chunk_size=2000):
            years[pk] = year
            for text in (title, original):
                if text:
                    films.setdefault(title_key(text), {})[pk] = year
        translated = FilmTranslation.objects.exclude(title="").values_list(
            "film_id", "title"
        )
        for pk, title in translated.iterator(chunk_size=2000):
            films.setdefault(title_key(title), {})[pk] = years.get(pk)
        self._films = films

    def add(self, film):
        if self._films is not None:
            self._films.setdefault(title_key(film.title), {})[film.pk] = film.year

    def lookup(self, name):
        """[(film id, year)] of the films with this title, by id."""
        if self._films is None:
            self._load()
        return sorted(self._films.get(title_key(name), {}).items())


class Matcher:
    """Matches rows for one import run, remembering each (name, year) it saw.

    `client` is a TMDB client (films.tmdb.get_client() by default; None when
    TMDB is not configured); `pace` a pacing.Pace for its requests.
    """

    def __init__(self, *, client, pace):
        self.client, self.pace = client, pace
        self.catalogue = Catalogue()
        self._seen = {}

    def match(self, *, name, year):
        key = (title_key(name), year)
        if key not in self._seen:
            self._seen[key] = self._match(name=name, year=year)
        return self._seen[key]

    def _match(self, *, name, year):
        local = self._local(name=name, year=year)
        if local is not None:
            return local
        if self.client is None:
            return Match(State.UNMATCHED, reason=NO_TMDB)
        try:
            return self._tmdb(name=name, year=year)
        except TMDBNotConfigured:
            return Match(State.UNMATCHED, reason=NO_TMDB)
        except FilmImportFailed as e:
            return Match(State.FAILED, reason=str(e.message))
        except TMDBError as e:
            # TMDB's 429/5xx were waited out in _tmdb_call (JobFailed when
            # they went on); what is left is about this one film or search.
            return Match(State.UNMATCHED, reason=str(e))

    def _local(self, *, name, year):
        same = self.catalogue.lookup(name)
        pk, several = _decide(same, year=year, year_of=lambda item: item[1])
        if pk is not None:
            return Match(State.MATCHED, film=Film.objects.get(pk=pk[0]))
        if several:
            films = Film.objects.in_bulk([p for p, _y in several[:SHOWN_CANDIDATES]])
            return Match(
                State.AMBIGUOUS,
                candidates=[_candidate(film=films[p]) for p in sorted(films)],
                reason=SEVERAL,
            )
        return None

    def _tmdb_call(self, call, *, cost, what):
        self.pace.wait(cost)
        return with_backoff(call, retry_on=TMDBUnavailable, what=what)

    def _search(self, *, name, year):
        page = self._tmdb_call(
            lambda: self.client.search_movies(query=name, year=year),
            cost=1,
            what=f"Searching TMDB for {name!r}",
        )
        return [r for r in page.results if not r.adult]

    def _tmdb(self, *, name, year):
        key = title_key(name)
        results = self._search(name=name, year=year)

        def same_title(items):
            return [
                r
                for r in items
                if key in (title_key(r.title), title_key(r.original_title))
            ]

        same = same_title(results)
        if year is not None and not _pick(same, year=year, year_of=lambda r: r.year)[1]:
            # TMDB's `year` is the release year; a year off by one needs a
            # search without it.
            results = self._search(name=name, year=None)
            same = same_title(results)
        summary, several = _decide(same, year=year, year_of=lambda r: r.year)
        if summary is not None:
            return self._import(summary)
        if several:
            return Match(
                State.AMBIGUOUS,
                candidates=self._candidates(several),
                reason=SEVERAL,
            )
        if results:
            return Match(
                State.AMBIGUOUS, candidates=self._candidates(results), reason=NOT_EXACT
            )
        return Match(State.UNMATCHED, reason=NOT_FOUND)

    def _candidates(self, summaries):
        summaries = summaries[:SHOWN_CANDIDATES]
        here = Film.objects.in_bulk(
            [s.tmdb_id for s in summaries], field_name="tmdb_id"
        )
        return [
            _candidate(film=here[s.tmdb_id])
            if s.tmdb_id in here
            else _candidate(summary=s)
            for s in summaries
        ]

    def _import(self, summary):
        """The film for a TMDB search result, imported unless it is here."""
        try:
            film = film_for_tmdb_id(tmdb_id=summary.tmdb_id, call=self._tmdb_call)
        except (TMDBNotFound, AdultFilmRefused):
            return Match(State.UNMATCHED, reason=NOT_LISTED)
        self.catalogue.add(film)
        return Match(State.MATCHED, film=film)


def film_for_tmdb_id(*, tmdb_id, call=None):
    """The Film for `tmdb_id`: the one here, else imported (films.services).

    `call(fn, cost=, what=)` wraps the import (pacing, retries); by default it
    is retried on TMDB's 429/5xx (jobs.retry). Raises TMDBNotFound,
    AdultFilmRefused, FilmImportFailed, TMDBNotConfigured or another TMDBError.
    """
    film = Film.objects.filter(tmdb_id=tmdb_id).first()
    if film is not None:
        return film
    if call is None:

        def call(fn, *, cost, what):
            return with_backoff(fn, retry_on=TMDBUnavailable, what=what)

    film, _created = call(
        # The posters come later, by their own jobs: the member's rows need
        # only the film.
        lambda: film_import_from_tmdb(tmdb_id=tmdb_id, poster_later=True),
        cost=FILM_IMPORT_REQUESTS,
        what=f"Importing TMDB film {tmdb_id}",
    )
    return film
