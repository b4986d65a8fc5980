"""Resolving a row the import could not match: the member says which film.

Applied through the same code as the job's rows (services._apply), so a
resolved row counts and behaves exactly like a matched one.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from films.models import Film
from films.services import AdultFilmRefused
from films.tmdb import TMDBError
from jobs.retry import JobFailed

from .matching import FilmImportFailed, Match, film_for_tmdb_id
from .models import LetterboxdImport, LetterboxdRow
from .services import OPEN_STATES, import_counts_add, matched_row_apply

State = LetterboxdRow.State


class RowResolveError(Exception):
    """A row cannot be resolved as asked; `message` says why, for people."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _film_chosen(*, film_id, tmdb_id):
    if film_id is not None:
        film = Film.objects.filter(pk=film_id).first()
        if film is None:
            message = _("There is no film with id %(id)s.") % {"id": film_id}
            raise RowResolveError(message)
        return film
    try:
        return film_for_tmdb_id(tmdb_id=tmdb_id)
    except FilmImportFailed as e:
        raise RowResolveError(str(e.message)) from e
    except (TMDBError, AdultFilmRefused, JobFailed) as e:
        message = getattr(e, "message", None) or str(e)
        raise RowResolveError(
            _("That film could not be added from TMDB: %(error)s") % {"error": message}
        ) from e


def letterboxd_row_resolve(
    *, user, letterboxd_import_id, row_id, film_id=None, tmdb_id=None
):
    """Say which film an ambiguous or unmatched row means, and apply it.

    One of `film_id` (a film here) or `tmdb_id` (imported from TMDB if need
    be). Every open row of the import with the same name and year is
    resolved with it (a film is usually in several of the export's files).
    Returns the rows applied. Raises LetterboxdImport.DoesNotExist or
    LetterboxdRow.DoesNotExist (not the member's, or no such row: a 404),
    RowResolveError (the import is still running, the row is already
    imported, the film cannot be had).
    """
    letterboxd_import = LetterboxdImport.objects.select_related("owner").get(
        pk=letterboxd_import_id, owner=user
    )
    row = letterboxd_import.rows.get(pk=row_id)
    if (film_id is None) == (tmdb_id is None):
        raise RowResolveError(_("Choose a film: give a film id or a TMDB id."))
    if not letterboxd_import.finished:
        raise RowResolveError(_("Wait until the import has finished."))
    if row.state not in OPEN_STATES:
        raise RowResolveError(_("This row is already imported."))
    film = _film_chosen(film_id=film_id, tmdb_id=tmdb_id)
    created_films = set(
        letterboxd_import.rows.filter(created_entry=True).values_list(
            "film_id", flat=True
        )
    )
    rows = list(
        letterboxd_import.rows.filter(
            state__in=OPEN_STATES, name=row.name, year=row.year
        ).order_by("position")
    )
    match = Match(State.MATCHED, film=film)
    totals = {}
    with transaction.atomic():
        for each in rows:
            counts = matched_row_apply(
                each,
                match,
                letterboxd_import=letterboxd_import,
                created_films=created_films,
            )
            counts.pop("processed")  # counted when the job first saw it
            for name, value in counts.items():
                totals[name] = totals.get(name, 0) + value
        import_counts_add(letterboxd_import.pk, totals)
    return rows
