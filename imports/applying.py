"""Applying one matched Letterboxd row to the member's data, idempotently.

Every write goes through reviews.services (the rules of ratings, statuses and
viewings live there); this module only decides what a row asks for. What the
member already had is kept unless they ticked "replace what I have", except
that a viewing marks the film watched (the site's own rule for viewings).
Entries this import created are its own to change, so a rating from
ratings.csv still follows a film's first diary row. A row whose data is
already there changes nothing: importing the same file twice is a no-op.

- diary.csv: a viewing on its date, with its rating and note. The n-th row
  of the import for one film and day is the member's n-th viewing of it that
  day: a viewing already there (logged here, or by an earlier import) is
  kept as it is, and a second viewing on one day still comes in. Rewatches
  are not stored: the site derives them from the viewings' dates.
- ratings.csv: the current rating; watched.csv: the status watched;
  reviews.csv: the review text (the latest per film, see services);
  watchlist.csv: "want to watch", unless the member has the film already.
- lists/<name>.csv: the film in the member's list (imports.list_applying).
"""

from django.utils.translation import gettext_noop

from reviews.models import UserFilm, Viewing
from reviews.services import review_update, review_upsert
from reviews.viewing_services import viewing_log

from .list_applying import list_row_apply
from .models import LetterboxdRow

Source, Outcome = LetterboxdRow.Source, LetterboxdRow.Outcome
Status = UserFilm.Status
KEPT = gettext_noop(
    "Kept what you had here (tick “replace what I have” to overwrite it)."
)


def _watched_status(entry):
    # A rating or a review means the film was watched; "want" cannot hold one.
    return Status.WATCHED if entry.status == Status.WANT else entry.status


def _diary(row, *, user, film, entry, mine):
    day = {"film": film, "watched_on": row.watched_on}
    # This import's rows for the day applied so far (the job goes in order).
    before = (
        LetterboxdRow.objects.filter(
            letterboxd_import_id=row.letterboxd_import_id,
            source=Source.DIARY,
            state=LetterboxdRow.State.MATCHED,
            **day,
        )
        .exclude(pk=row.pk)
        .count()
    )
    if Viewing.objects.filter(user=user, **day).count() > before:
        return Outcome.UNCHANGED
    viewing_log(
        user=user,
        film=film,
        watched_on=row.watched_on,
        rating=row.rating,
        note=row.note,
        twin=True,
    )
    if entry is None:
        return Outcome.CREATED
    if not mine and entry.rating is not None and entry.rating != row.rating:
        # viewing_log makes a viewing's rating the current one: put the
        # member's own back (the viewing keeps Letterboxd's).
        review_update(user=user, userfilm_id=entry.pk, rating=entry.rating)
    return Outcome.UPDATED


def _ratings(row, *, user, film, entry, mine):
    if row.rating is None:
        return Outcome.UNCHANGED
    if entry is None:
        review_upsert(user=user, film=film, rating=row.rating)
        return Outcome.CREATED
    if entry.rating == row.rating:
        return Outcome.UNCHANGED
    if entry.rating is not None and not mine:
        row.reason = KEPT
        return Outcome.UNCHANGED
    review_update(
        user=user,
        userfilm_id=entry.pk,
        rating=row.rating,
        status=_watched_status(entry),
    )
    return Outcome.UPDATED


def _watched(row, *, user, film, entry, mine):
    if entry is None:
        review_upsert(user=user, film=film, status=Status.WATCHED)
        return Outcome.CREATED
    if entry.status == Status.WATCHED:
        return Outcome.UNCHANGED
    if not mine:
        row.reason = KEPT
        return Outcome.UNCHANGED
    review_update(user=user, userfilm_id=entry.pk, status=Status.WATCHED)
    return Outcome.UPDATED


def _reviews(row, *, user, film, entry, mine):
    if not row.review:
        return Outcome.UNCHANGED
    if entry is None:
        review_upsert(user=user, film=film, comment=row.review)
        return Outcome.CREATED
    if entry.comment == row.review:
        return Outcome.UNCHANGED
    if entry.comment and not mine:
        row.reason = KEPT
        return Outcome.UNCHANGED
    review_update(
        user=user,
        userfilm_id=entry.pk,
        comment=row.review,
        status=_watched_status(entry),
    )
    return Outcome.UPDATED


def _watchlist(row, *, user, film, entry, mine):
    if entry is None:
        review_upsert(user=user, film=film, status=Status.WANT)
        return Outcome.CREATED
    if entry.status in (Status.WANT, Status.WATCHED) or not mine:
        return Outcome.UNCHANGED
    if entry.rating is not None or entry.watched_on is not None:
        return Outcome.UNCHANGED  # watched after all: "want" cannot hold these
    review_update(user=user, userfilm_id=entry.pk, status=Status.WANT)
    return Outcome.UPDATED


APPLY = {
    Source.DIARY: _diary,
    Source.RATINGS: _ratings,
    Source.WATCHED: _watched,
    Source.REVIEWS: _reviews,
    Source.WATCHLIST: _watchlist,
}


def row_apply(row, *, user, film, replace, created_films):
    """Apply `row` (a LetterboxdRow) for `film`; returns an Outcome.

    `created_films` holds the ids of films whose entry this import created
    (their later rows may change it); it is updated here, as is
    `row.created_entry` (and `row.reason` when the member's data was kept).
    Raises ValidationError (the reviews rules, e.g. a date in the member's
    future) or PermissionDenied (the member is no longer verified); the
    caller's transaction then saves nothing of the row.
    """
    if row.source == Source.LIST:  # a list file's film: imports.list_applying
        return list_row_apply(row, user=user, film=film)
    entry = UserFilm.objects.filter(user=user, film=film).first()
    mine = replace or film.pk in created_films
    outcome = APPLY[row.source](row, user=user, film=film, entry=entry, mine=mine)
    if entry is None and outcome == Outcome.CREATED:
        row.created_entry = True
        created_films.add(film.pk)
    return outcome
