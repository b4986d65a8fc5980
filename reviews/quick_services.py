"""One-click writes: the star widget and the Watched and Watchlist toggles.

The film page and the film cards call these through plain forms (no
JavaScript) or the API's /api/v1/reviews/rate/ and /status/ (with it), so a
click means the same on both. Beside reviews/services.py (which has the
entry's field rules, review_validate) to keep modules short.

What a click may do, and what it never does:
- Rating a film sets the member's current rating. It never logs a viewing:
  a viewing has a date, and nobody chose one. Without an entry it creates one
  with status watched, and a film on the watchlist becomes watched (a rating
  means the member saw it, as on Letterboxd). Clearing the rating keeps the
  entry and its status.
- A toggle switched on sets that status. Switched off, it removes the entry
  only when the entry holds nothing else (no rating, no review and, for
  Watched, no logged viewings); otherwise it refuses and says why, rather
  than throw away what the member wrote or leave a rating on an unwatched film.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.permissions import member_can_review

from .models import UserFilm, Viewing
from .services import review_validate

# The statuses the toggles switch; the others are chosen in the full form.
TOGGLE_STATUSES = (UserFilm.Status.WATCHED, UserFilm.Status.WANT)


def _require_member(user):
    if not member_can_review(user):
        raise PermissionDenied(_("Only members with a verified email may rate films."))


def _validate(userfilm):
    review_validate(
        rating=userfilm.rating,
        status=userfilm.status,
        comment=userfilm.comment,
        watched_on=userfilm.watched_on,
        user=userfilm.user,
    )


def _locked_entry(*, user, film, create_with=None):
    """The member's entry for `film`, locked; created with status `create_with`
    when missing (None: not created, returns None)."""
    if create_with is not None:
        UserFilm.objects.get_or_create(
            user=user, film=film, defaults={"status": create_with}
        )
    return UserFilm.objects.select_for_update().filter(user=user, film=film).first()


def review_rate(*, user, film, rating):
    """Set `user`'s rating of `film` (1-10) or clear it (None); returns the
    entry (UserFilm) or None when there is none.

    See the module for what a rating implies. Raises PermissionDenied
    (unverified member) or ValidationError on `rating` (outside 1-10);
    nothing is saved then.
    """
    _require_member(user)
    with transaction.atomic():
        create_with = UserFilm.Status.WATCHED if rating is not None else None
        userfilm = _locked_entry(user=user, film=film, create_with=create_with)
        if userfilm is None:
            return None  # clearing a rating that was never given
        userfilm.rating = rating
        if rating is not None and userfilm.status == UserFilm.Status.WANT:
            userfilm.status = UserFilm.Status.WATCHED
        _validate(userfilm)
        userfilm.save()
        return userfilm


def review_status_toggle(*, user, film, status, on):
    """Switch `status` (watched or want) on or off for `user`'s `film`.

    Returns the entry (UserFilm), or None when switching off removed it or
    there was none. Switching off a status the entry does not have changes
    nothing. Raises PermissionDenied (unverified member) or ValidationError
    on `status` (an unknown status, or what keeps the entry: see the module;
    a rated film cannot go on the watchlist); nothing is saved then.
    """
    _require_member(user)
    if status not in TOGGLE_STATUSES:
        raise ValidationError({"status": _("Unknown status.")})
    with transaction.atomic():
        userfilm = _locked_entry(
            user=user, film=film, create_with=status if on else None
        )
        if userfilm is None:
            return None
        if on:
            userfilm.status = status
            try:
                _validate(userfilm)
            except ValidationError as error:
                # Said on the toggle: the rating is why the status cannot change.
                raise ValidationError(
                    {"status": [m for ms in error.message_dict.values() for m in ms]}
                ) from None
            userfilm.save()
            return userfilm
        if userfilm.status != status:
            return userfilm
        _check_removable(userfilm)
        userfilm.delete()
        return None


def _check_removable(userfilm):
    if userfilm.rating is not None or userfilm.comment:
        raise ValidationError(
            {
                "status": _(
                    "Your rating or review of this film stays, so this cannot be "
                    "undone here: remove them first."
                )
            }
        )
    logged = Viewing.objects.filter(user=userfilm.user, film=userfilm.film_id)
    if userfilm.status == UserFilm.Status.WATCHED and logged.exists():
        raise ValidationError(
            {
                "status": _(
                    "You logged viewings of this film: remove them first to "
                    "mark it as not watched."
                )
            }
        )
