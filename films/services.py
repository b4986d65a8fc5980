"""Write-side film logic: importing films from TMDB and keeping them fresh.

The public facade: the code lives in `films.film_import` (one film in),
`films.film_import_rows` (TMDB records to rows) and `films.film_refresh`
(re-syncing); import the names from here.

`film_import_from_tmdb` is the one way a TMDB film enters the catalogue:
idempotent and safe under concurrency (how: `films.film_import`).
"""

from .film_import import AdultFilmRefused, FilmImportFailed, film_import_from_tmdb
from .film_import_rows import (
    CAST_SIZE,
    film_fields_from_tmdb,
    film_translation_fields_from_tmdb,
    film_translations_save,
)
from .film_poster import film_poster_fetch
from .film_refresh import (
    FilmRefreshResult,
    film_refresh_from_tmdb,
    film_tmdb_changes,
    films_refresh_from_tmdb,
)

__all__ = [
    "CAST_SIZE",
    "AdultFilmRefused",
    "FilmImportFailed",
    "FilmRefreshResult",
    "film_fields_from_tmdb",
    "film_import_from_tmdb",
    "film_poster_fetch",
    "film_refresh_from_tmdb",
    "film_tmdb_changes",
    "film_translation_fields_from_tmdb",
    "film_translations_save",
    "films_refresh_from_tmdb",
]
