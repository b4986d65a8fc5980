"""Letterboxd lists into the member's lists: stored, set up, then filled.

    letterboxd_lists_store(...)    # with the upload: a LetterboxdList per file,
                                   # a LetterboxdRow (source "list") per film
    letterboxd_lists_prepare(...)  # when the job starts: each file's List
    list_row_apply(...)            # each matched row (imports.applying)

The rows are matched like every other row (imports.matching) and so show in
the report, unmatched or ambiguous, for the member to resolve. Every write
goes through lists.services, whose rules (5,000 films, 200 lists, a film
once per list) hold here too and give the reasons the report shows.

A file's list is the member's list with the same title, if they have one
(re-importing a file changes nothing: the films already there stay as they
are), else a new **private** list: Letterboxd's export does not say who
may see a list, so nobody but its owner does until they choose. With
"replace what I have", the existing list takes the file's description and
ranking, and its films are replaced by the file's. Setting up is done once
per file (`prepared`, under the row's lock), so a job run again after a lost
worker neither creates a second list nor empties one it already refilled.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lists.bulk import list_entries_clear
from lists.models import List, ListEntry
from lists.services import list_create, list_entry_add, list_update

from .models import LetterboxdList, LetterboxdRow

Outcome = LetterboxdRow.Outcome
State = LetterboxdRow.State
KEPT_NOTE = gettext_noop(
    "Already in your list: kept its place and note (tick “replace what I have” "
    "to take the file's)."
)
LIST_GONE = gettext_noop("The list was deleted meanwhile.")


def list_rows_count(list_files):
    return sum(len(list_file.entries) for list_file in list_files)


def letterboxd_lists_store(*, letterboxd_import, list_files, first_position):
    """Store each ListFile (imports.list_files) and its films as pending rows.

    Rows take import positions from `first_position` on, list by list, each
    list's films in their order (so they are applied in that order).
    """
    position = first_position
    for list_file in list_files:
        imported = LetterboxdList.objects.create(
            letterboxd_import=letterboxd_import,
            file=list_file.file[:255],
            title=list_file.title,
            description=list_file.description,
            ranked=list_file.ranked,
        )
        rows = []
        for entry in list_file.entries:
            rows.append(
                LetterboxdRow(
                    letterboxd_import=letterboxd_import,
                    position=position,
                    source=LetterboxdRow.Source.LIST,
                    line=entry.line,
                    name=entry.name,
                    year=entry.year,
                    letterboxd_uri=entry.letterboxd_uri,
                    letterboxd_list=imported,
                    list_position=entry.position,
                    list_note=entry.note,
                )
            )
            position += 1
        LetterboxdRow.objects.bulk_create(rows, batch_size=500)


def _set_up(imported, *, user, replace):
    """The member's List for `imported`; (list, outcome, rebuilt, previous)."""
    existing = (
        List.objects.filter(owner=user, title=imported.title).order_by("pk").first()
    )
    if existing is None:
        film_list = list_create(
            owner=user,
            title=imported.title,
            description=imported.description,
            visibility=List.Visibility.PRIVATE,
            ranked=imported.ranked,
        )
        return film_list, LetterboxdList.Outcome.CREATED, True, {}
    if not replace:
        return existing, LetterboxdList.Outcome.KEPT, False, {}
    list_update(
        user=user,
        list_id=existing.pk,
        description=imported.description,
        ranked=imported.ranked,
    )
    held = list_entries_clear(user=user, list_id=existing.pk)
    previous = {str(film_id): list(place) for film_id, place in held.items()}
    return existing, LetterboxdList.Outcome.REPLACED, True, previous


def _prepare_one(pk, *, user, replace):
    """Set up one file's list; a refusal (the 200 lists) fails its rows."""
    with transaction.atomic():
        imported = LetterboxdList.objects.select_for_update().get(pk=pk)
        if imported.prepared:
            return 0
        imported.prepared = True
        failed = 0
        try:
            with transaction.atomic():
                film_list, outcome, rebuilt, previous = _set_up(
                    imported, user=user, replace=replace
                )
        except ValidationError as e:
            imported.outcome = LetterboxdList.Outcome.FAILED
            imported.reason = " ".join(e.messages)[:500]
            failed = imported.rows.filter(state=State.PENDING).update(
                state=State.FAILED, reason=imported.reason
            )
        else:
            imported.film_list = film_list
            imported.outcome, imported.rebuilt = outcome, rebuilt
            imported.previous = previous
        imported.save()
    return failed


def letterboxd_lists_prepare(*, letterboxd_import):
    """Set up the member's list of every list file not set up yet.

    Returns how many rows were failed with their list (counted as
    processed by the caller). Safe to run again.
    """
    failed = 0
    for pk in letterboxd_import.lists.filter(prepared=False).values_list(
        "pk", flat=True
    ):
        failed += _prepare_one(
            pk, user=letterboxd_import.owner, replace=letterboxd_import.replace
        )
    return failed


def _place(row, imported):
    """Where the row's film goes in a list this import (re)built: after the
    file's films before it that are in the list, so a row resolved later
    still joins at its place."""
    earlier = LetterboxdRow.objects.filter(
        letterboxd_list=imported,
        list_position__lt=row.list_position,
        film__isnull=False,
    ).values("film_id")
    held = ListEntry.objects.filter(list_id=imported.film_list_id, film_id__in=earlier)
    return held.count() + 1


def list_row_apply(row, *, user, film):
    """Add `film` to the list of `row`'s file (a matched "list" row).

    Returns an Outcome: unchanged when the film is in the list already.
    Raises ValidationError (the list is full, or gone, or was not made).
    """
    imported = row.letterboxd_list
    if imported.film_list_id is None:
        raise ValidationError(imported.reason or _(LIST_GONE))
    present = ListEntry.objects.filter(list_id=imported.film_list_id, film=film).first()
    if present is not None:
        if not imported.rebuilt and present.note != row.list_note:
            row.reason = KEPT_NOTE
        return Outcome.UNCHANGED
    position = _place(row, imported) if imported.rebuilt else None
    try:
        entry = list_entry_add(
            user=user,
            list_id=imported.film_list_id,
            film=film,
            position=position,
            note=row.list_note,
        )
    except List.DoesNotExist as e:
        raise ValidationError(_(LIST_GONE)) from e
    before = imported.previous.get(str(film.pk))
    if before is None:
        return Outcome.CREATED
    if before == [entry.position, entry.note]:
        return Outcome.UNCHANGED
    return Outcome.UPDATED
