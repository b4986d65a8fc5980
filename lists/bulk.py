"""Writes of many entries at once, for a Letterboxd import (imports/).

The same rules as lists/services.py: the owner only, the list's row locked,
the cached pages' versions bumped once for the whole batch.
"""

from django.db import transaction
from django.db.models import Max

from .cache import lists_changed
from .models import MAX_ENTRIES, NOTE_MAX_LENGTH, ListEntry
from .services import _locked, _require_member


def list_entries_append(*, user, list_id, films):
    """Append films to `user`'s list in one go (an import); returns how many.

    `films` is an iterable of (Film, note). Films already in the list are
    skipped, as are those past MAX_ENTRIES; notes are cut to NOTE_MAX_LENGTH
    and lose NUL characters.
    """
    _require_member(user)
    with transaction.atomic():
        film_list = _locked(user=user, list_id=list_id)
        present = set(film_list.entries.values_list("film_id", flat=True))
        last = film_list.entries.aggregate(last=Max("position"))["last"] or 0
        rows = []
        for film, note in films:
            if film.pk in present or last + len(rows) >= MAX_ENTRIES:
                continue
            present.add(film.pk)
            clean = (note or "").replace("\x00", "").strip()[:NOTE_MAX_LENGTH]
            rows.append(
                ListEntry(
                    list=film_list,
                    film=film,
                    position=last + len(rows) + 1,
                    note=clean,
                )
            )
        ListEntry.objects.bulk_create(rows, batch_size=1000)
        film_list.save(update_fields=["updated_at"])
        lists_changed(owner_id=user.pk, film_ids=[row.film_id for row in rows])
    return len(rows)


def list_entries_clear(*, user, list_id):
    """Take every film out of `user`'s list (an import replacing its films).

    Returns {film id: (position, note)} of the entries removed.
    """
    with transaction.atomic():
        film_list = _locked(user=user, list_id=list_id)
        held = {
            film_id: (position, note)
            for film_id, position, note in film_list.entries.values_list(
                "film_id", "position", "note"
            )
        }
        film_list.entries.all().delete()
        film_list.save(update_fields=["updated_at"])
        lists_changed(owner_id=user.pk, film_ids=list(held))
    return held
