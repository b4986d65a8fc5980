"""Letterboxd imports: taking an upload in, running it, resolving its rows.

    letterboxd_import_file(user=..., file=upload)   # checked, stored, queued
    letterboxd_import_process(letterboxd_import_id=...)  # the job's work
    imports.resolving.letterboxd_row_resolve(...)  # the member picks a film

The upload is read and checked in the caller's request: a bad file raises
ExportInvalid and saves nothing. Its rows are stored in processing order and a
background job (imports.tasks) matches and applies them, IMPORT_CHUNK_ROWS rows per
transaction together with the import's counters. Matching (which may import a
film from TMDB, committed on its own) happens before a chunk's transaction, so
a slow TMDB never holds a write lock. A worker killed mid-import loses at most
the chunk in flight; the job, run again, takes the rows still pending, and
since applying a row is idempotent nothing is ever counted or written twice.
"""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import member_can_review
from films.tmdb import TMDBNotConfigured, get_client

from .applying import row_apply
from .csv_rows import ExportInvalid
from .list_applying import (
    letterboxd_lists_prepare,
    letterboxd_lists_store,
    list_rows_count,
)
from .matching import Matcher
from .models import LetterboxdImport, LetterboxdRow
from .pacing import Pace
from .reading import export_read

log = logging.getLogger(__name__)
State, Source = LetterboxdRow.State, LetterboxdRow.Source
SOURCE_ORDER = list(Source.values)  # the order of LetterboxdRow.Source
OPEN_STATES = (State.AMBIGUOUS, State.UNMATCHED)

__all__ = ["ExportInvalid", "letterboxd_import_file", "letterboxd_import_process"]


def _ordered(records):
    """Records in the order they are applied (see LetterboxdRow.Source).

    The diary by date (a rating from a later viewing wins); reviews.csv keeps
    only the latest review of each film (Letterboxd lists every reviewed
    diary entry), so a re-import never flips between two texts. An undated
    review (Letterboxd's import layout) is the film's latest.
    """

    def when(record):
        return (record.watched_on or datetime.date.max, record.line)

    latest = {}
    for record in records:
        if record.source == Source.REVIEWS:
            key = (
                record.name,
                record.year,
                record.letterboxd_uri,
                record.tmdb_id,
                record.imdb_id,
            )
            if key not in latest or when(record) >= when(latest[key]):
                latest[key] = record
    kept = [r for r in records if r.source != Source.REVIEWS] + list(latest.values())

    def order(record):
        dated = record.source == Source.DIARY and record.watched_on
        date = record.watched_on.isoformat() if dated else ""
        return (SOURCE_ORDER.index(record.source), date, record.line)

    return sorted(kept, key=order)


def letterboxd_import_file(*, user, file, replace=False, background=True):
    """Check and store an upload's rows, then run them; returns the import.

    `file` is a file object with a `name` (an upload): Letterboxd's export
    ZIP or one of its CSV files. `replace` lets the import overwrite ratings,
    statuses and reviews the member already has. With `background` the work
    is queued as a job (imports.tasks; the immediate backend runs it here and
    now), else it runs in this call. Raises PermissionDenied (not a verified
    member) or ExportInvalid (a bad upload: nothing is saved).
    """
    if not member_can_review(user):
        raise PermissionDenied(_("Only members with a verified email may import."))
    export = export_read(file)
    records = _ordered(export.records)
    name = str(getattr(file, "name", "") or "upload").rsplit("/", 1)[-1][:255]
    with transaction.atomic():
        letterboxd_import = LetterboxdImport.objects.create(
            owner=user,
            filename=name,
            replace=replace,
            total=len(records) + list_rows_count(export.lists),
            ignored_files=export.ignored,
            problems=[p.as_dict() for p in export.problems],
        )
        LetterboxdRow.objects.bulk_create(
            [
                LetterboxdRow(
                    letterboxd_import=letterboxd_import,
                    position=position,
                    source=r.source,
                    line=r.line,
                    file=r.file,
                    name=r.name,
                    year=r.year,
                    letterboxd_uri=r.letterboxd_uri,
                    tmdb_id=r.tmdb_id,
                    imdb_id=r.imdb_id,
                    watched_on=r.watched_on,
                    rating=r.rating,
                    review=r.review,
                    note=r.note,
                )
                for position, r in enumerate(records, start=1)
            ],
            batch_size=500,
        )
        letterboxd_lists_store(
            letterboxd_import=letterboxd_import,
            list_files=export.lists,
            first_position=len(records) + 1,
        )
    if background:
        from .tasks import letterboxd_import_run

        result = letterboxd_import_run.enqueue(
            letterboxd_import_id=letterboxd_import.pk
        )
        LetterboxdImport.objects.filter(pk=letterboxd_import.pk).update(
            task_id=str(result.id)[:64]
        )
    else:
        letterboxd_import_process(letterboxd_import_id=letterboxd_import.pk)
    letterboxd_import.refresh_from_db()
    return letterboxd_import


def _client():
    try:
        return get_client()
    except TMDBNotConfigured:
        return None


def matched_row_apply(row, match, *, letterboxd_import, created_films):
    """Apply one row inside the chunk's transaction; its counter changes."""
    row.state, row.candidates, row.reason = match.state, match.candidates, match.reason
    row.film = match.film
    counts = {"processed": 1}
    if match.film is not None:
        try:
            with transaction.atomic():
                outcome = row_apply(
                    row,
                    user=letterboxd_import.owner,
                    film=match.film,
                    replace=letterboxd_import.replace,
                    created_films=created_films,
                )
        except ValidationError as e:
            row.state, row.reason = State.FAILED, " ".join(e.messages)[:500]
        else:
            row.outcome = outcome
            counts["matched"] = 1
            counts[outcome] = 1
    row.save()
    return counts


def import_counts_add(letterboxd_import_id, counts):
    LetterboxdImport.objects.filter(pk=letterboxd_import_id).update(
        **{name: F(name) + value for name, value in counts.items() if value}
    )


def _chunk(letterboxd_import, rows, matches, created_films):
    """Apply a chunk of rows and their counters in one transaction."""
    totals = {}
    with transaction.atomic():
        # Another worker may have taken these rows meanwhile (a job run twice).
        pending = set(
            LetterboxdRow.objects.select_for_update()
            .filter(pk__in=[row.pk for row in rows], state=State.PENDING)
            .values_list("pk", flat=True)
        )
        for row, match in zip(rows, matches, strict=True):
            if row.pk in pending:
                for name, value in matched_row_apply(
                    row,
                    match,
                    letterboxd_import=letterboxd_import,
                    created_films=created_films,
                ).items():
                    totals[name] = totals.get(name, 0) + value
        import_counts_add(letterboxd_import.pk, totals)


def letterboxd_import_process(*, letterboxd_import_id, pace=None):
    """Match and apply every pending row of an import; returns the import.

    Safe to run again at any point (a job re-run after a lost worker): done
    rows are skipped, a finished import is left alone. Raises JobFailed
    (jobs.retry) when TMDB stays unavailable; the import is then marked
    failed with that reason, keeping the rows already done.
    """
    letterboxd_import = LetterboxdImport.objects.select_related("owner").get(
        pk=letterboxd_import_id
    )
    if letterboxd_import.finished:
        return letterboxd_import
    LetterboxdImport.objects.filter(pk=letterboxd_import.pk).update(
        status=LetterboxdImport.Status.RUNNING,
        started_at=letterboxd_import.started_at or timezone.now(),
    )
    # Each list file's list, before its rows (a refused list fails its rows).
    if failed := letterboxd_lists_prepare(letterboxd_import=letterboxd_import):
        import_counts_add(letterboxd_import.pk, {"processed": failed})
    matcher = Matcher(client=_client(), pace=pace or Pace())
    created_films = set(
        letterboxd_import.rows.filter(created_entry=True).values_list(
            "film_id", flat=True
        )
    )
    pending = letterboxd_import.rows.filter(state=State.PENDING)
    try:
        while rows := list(pending.order_by("position")[: settings.IMPORT_CHUNK_ROWS]):
            matches = [
                matcher.match(
                    name=row.name,
                    year=row.year,
                    tmdb_id=row.tmdb_id,
                    imdb_id=row.imdb_id,
                )
                for row in rows
            ]
            _chunk(letterboxd_import, rows, matches, created_films)
    except Exception as e:
        reason = getattr(e, "message", None) or str(e) or type(e).__name__
        LetterboxdImport.objects.filter(pk=letterboxd_import.pk).update(
            status=LetterboxdImport.Status.FAILED,
            error=str(reason)[:2000],
            finished_at=timezone.now(),
        )
        log.exception("Letterboxd import %s failed", letterboxd_import.pk)
        raise
    LetterboxdImport.objects.filter(pk=letterboxd_import.pk).update(
        status=LetterboxdImport.Status.DONE, finished_at=timezone.now()
    )
    letterboxd_import.refresh_from_db()
    return letterboxd_import
