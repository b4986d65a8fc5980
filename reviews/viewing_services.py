"""Write-side operations on members' viewings (the diary).

Logging a viewing sets the member's status to watched and, when rated, their
current rating (the UserFilm); deleting viewings never deletes the UserFilm.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import member_can_review
from accounts.time_zones import member_today
from films.years import VIEWING_YEAR_MIN

from .models import (
    NOTE_MAX_LENGTH,
    RATING_MAX,
    RATING_MIN,
    UserFilm,
    Viewing,
)

# Two identical viewings logged this close together are one double click.
DOUBLE_SUBMIT_SECONDS = 10


def viewing_validate(*, user, watched_on, rating=None, note=""):
    """Every rule about one viewing, for the site form, the API and the admin.

    `watched_on` (datetime.date) must lie on the member's calendar between
    1 January VIEWING_YEAR_MIN and their today (accounts.time_zones); the
    rating is 1-10 or None; the note has at most NOTE_MAX_LENGTH characters
    and no NUL. Raises ValidationError with a list per field name; None.
    """
    errors = {}
    if watched_on is None:
        errors["watched_on"] = _("Say when you watched the film.")
    elif watched_on > member_today(user):
        errors["watched_on"] = _(
            "The date you watched the film cannot be in the future."
        )
    elif watched_on.year < VIEWING_YEAR_MIN:
        errors["watched_on"] = _("A viewing is dated %(year)d or later.") % {
            "year": VIEWING_YEAR_MIN
        }
    if rating is not None and not RATING_MIN <= rating <= RATING_MAX:
        errors["rating"] = _("A rating is 1 to 10 (½ to 5 stars).")
    if len(note or "") > NOTE_MAX_LENGTH:
        errors["note"] = _("A note has at most %(max)d characters.") % {
            "max": NOTE_MAX_LENGTH
        }
    elif "\x00" in (note or ""):
        errors["note"] = _("A note cannot contain NUL characters.")
    if errors:
        raise ValidationError(errors)


def viewing_log(*, user, film, watched_on, rating=None, note="", twin=False):
    """Log that `user` watched `film` on `watched_on`; returns (viewing, created).

    Sets the member's status for the film to watched (creating their entry if
    needed) and, when `rating` is given, makes it their current rating. The
    same viewing (date, rating, note) logged again within
    DOUBLE_SUBMIT_SECONDS is a double click: the first one is returned with
    created False, unless `twin` says a second one is meant (an import's two
    alike rows for one day). Raises PermissionDenied (unverified member) or
    ValidationError (viewing_validate); nothing is saved then.
    """
    if not member_can_review(user):
        raise PermissionDenied(_("Only members with a verified email may rate films."))
    note = (note or "").strip()
    viewing_validate(user=user, watched_on=watched_on, rating=rating, note=note)
    with transaction.atomic():
        userfilm, _created = UserFilm.objects.get_or_create(
            user=user, film=film, defaults={"status": UserFilm.Status.WATCHED}
        )
        # Locking the member's entry serialises their logs of this film, so
        # two simultaneous clicks cannot both miss each other's viewing.
        userfilm = UserFilm.objects.select_for_update().get(pk=userfilm.pk)
        recent = timezone.now() - datetime.timedelta(seconds=DOUBLE_SUBMIT_SECONDS)
        double = None
        if not twin:
            double = Viewing.objects.filter(
                user=user,
                film=film,
                watched_on=watched_on,
                rating=rating,
                note=note,
                created_at__gte=recent,
            ).first()
        if double is not None:
            return double, False
        viewing = Viewing.objects.create(
            user=user, film=film, watched_on=watched_on, rating=rating, note=note
        )
        userfilm.status = UserFilm.Status.WATCHED
        if rating is not None:
            userfilm.rating = rating
        if userfilm.watched_on is None or watched_on > userfilm.watched_on:
            userfilm.watched_on = watched_on  # the latest viewing's date
        userfilm.save()
        return viewing, True


def viewing_delete(*, user, viewing_id):
    """Delete `user`'s own viewing `viewing_id`; True if there was one.

    Another member's viewing counts as none. The member's entry for the film
    (status, rating, review) stays as it is.
    """
    deleted, _count = Viewing.objects.filter(user=user, pk=viewing_id).delete()
    return bool(deleted)
