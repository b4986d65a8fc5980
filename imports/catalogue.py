"""The films an import matches against: the local catalogue, and TMDB's by id.

Catalogue reads the local films' titles and IMDb ids once per import run;
film_for_tmdb_id gives the film for a TMDB id, importing it if need be.
"""

from films.models import Film, FilmTranslation
from films.search_text import normalise
from films.services import film_import_from_tmdb
from films.tmdb import TMDBUnavailable
from jobs.retry import with_backoff

FILM_IMPORT_REQUESTS = 2  # details in English and Russian (genres are cached)


def title_key(title):
    """The spelling two titles must share: normalised, without spaces."""
    return "".join(normalise(title).split())


class Catalogue:
    """Every local film by title_key of its titles, read once per import run.

    One pass over the catalogue (ids, titles, years) instead of a full-text
    search per row: an exact comparison under the search's spelling rules,
    and a few megabytes for 50,000 films. A film added meanwhile by someone
    else is still found through its TMDB id, never imported twice.
    """

    def __init__(self):
        self._films = None  # title_key -> {film id: year}
        self._imdb = None  # IMDb id -> {film id}

    def _load(self):
        films, years, imdb = {}, {}, {}
        rows = Film.objects.values_list(
            "pk", "title", "original_title", "year", "imdb_id"
        )
        for pk, title, original, year, imdb_id in rows.iterator(chunk_size=2000):
            years[pk] = year
            if imdb_id:
                imdb.setdefault(imdb_id, set()).add(pk)
            for text in (title, original):
                if text:
                    films.setdefault(title_key(text), {})[pk] = year
        translated = FilmTranslation.objects.exclude(title="").values_list(
            "film_id", "title"
        )
        for pk, title in translated.iterator(chunk_size=2000):
            films.setdefault(title_key(title), {})[pk] = years.get(pk)
        self._films, self._imdb = films, imdb

    def add(self, film):
        if self._films is not None:
            self._films.setdefault(title_key(film.title), {})[film.pk] = film.year
            if film.imdb_id:
                self._imdb.setdefault(film.imdb_id, set()).add(film.pk)

    def lookup(self, name):
        """[(film id, year)] of the films with this title, by id."""
        if self._films is None:
            self._load()
        return sorted(self._films.get(title_key(name), {}).items())

    def by_imdb_id(self, imdb_id):
        """[film id] of the films with this IMDb id (one, unless a mistake)."""
        if self._films is None:
            self._load()
        return sorted(self._imdb.get(imdb_id, ()))


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
