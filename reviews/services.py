"""Write-side operations on members' ratings and reviews (UserFilm)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.permissions import member_can_review
from accounts.time_zones import member_today

from .models import (
    COMMENT_MAX_LENGTH,
    RATING_MAX,
    RATING_MIN,
    UserFilm,
)


def review_upsert(
    *,
    user,
    film,
    rating=None,
    status=UserFilm.Status.WATCHED,
    comment="",
    watched_on=None,
):
    """Create or update `user`'s one UserFilm for `film`; returns (row, created).

    Race-safe: two simultaneous first submissions both try to insert; the
    database's one-per-member constraint refuses the second, which then
    updates the row the first one created.
    """
    if not member_can_review(user):
        raise PermissionDenied(_("Only members with a verified email may rate films."))
    review_validate(
        rating=rating,
        status=status,
        comment=comment,
        watched_on=watched_on,
        user=user,
    )
    values = {
        "rating": rating,
        "status": status,
        "comment": comment,
        "watched_on": watched_on,
    }
    try:
        # The savepoint keeps an outer transaction usable if the insert fails.
        with transaction.atomic():
            return UserFilm.objects.update_or_create(
                user=user, film=film, defaults=values
            )
    except IntegrityError:
        with transaction.atomic():
            userfilm = UserFilm.objects.select_for_update().get(user=user, film=film)
            for field, value in values.items():
                setattr(userfilm, field, value)
            userfilm.save()
            return userfilm, False


class ReviewExists(Exception):
    """The member already has an entry for this film (`.userfilm`)."""

    def __init__(self, userfilm):
        super().__init__(userfilm.pk)
        self.userfilm = userfilm


def review_create(
    *,
    user,
    film,
    rating=None,
    status=UserFilm.Status.WATCHED,
    comment="",
    watched_on=None,
):
    """Create `user`'s entry for `film`; raises ReviewExists if there is one.

    Insert-only, unlike review_upsert: checking first and then upserting let
    twenty simultaneous API creates all answer "201 Created" while each
    overwrote the last (found by the concurrency tests). The database's
    one-per-member constraint decides who was first; the others are told.
    """
    if not member_can_review(user):
        raise PermissionDenied(_("Only members with a verified email may rate films."))
    review_validate(
        rating=rating,
        status=status,
        comment=comment,
        watched_on=watched_on,
        user=user,
    )
    try:
        with transaction.atomic():
            return UserFilm.objects.create(
                user=user,
                film=film,
                rating=rating,
                status=status,
                comment=comment,
                watched_on=watched_on,
            )
    except IntegrityError:
        existing = UserFilm.objects.filter(user=user, film=film).first()
        if existing is None:
            raise
        raise ReviewExists(existing) from None


REVIEW_DEFAULTS = {
    "rating": None,
    "status": UserFilm.Status.WATCHED,
    "comment": "",
    "watched_on": None,
}


def review_update(*, user, userfilm_id, replace=False, **changes):
    """Change fields of `user`'s existing entry `userfilm_id`; returns it.

    `changes` maps status, rating, comment and watched_on to new values; the
    others keep theirs, or with `replace` go back to review_upsert's defaults
    (no rating, no comment, watched). Raises UserFilm.DoesNotExist when the
    entry is gone: a delete that lands first wins, where an upsert would
    recreate the entry under a new id (seen with a simultaneous API DELETE and
    PATCH). The row lock orders an update and a delete that arrive together.
    """
    if not member_can_review(user):
        raise PermissionDenied(_("Only members with a verified email may rate films."))
    with transaction.atomic():
        userfilm = UserFilm.objects.select_for_update().get(pk=userfilm_id, user=user)
        values = {field: getattr(userfilm, field) for field in REVIEW_DEFAULTS}
        if replace:
            values = dict(REVIEW_DEFAULTS)
        values |= changes
        review_validate(**values)
        for field, value in values.items():
            setattr(userfilm, field, value)
        userfilm.save()
    return userfilm


def review_delete(*, user, film):
    """Delete `user`'s own UserFilm for `film`; True if there was one."""
    deleted, _count = UserFilm.objects.filter(user=user, film=film).delete()
    return bool(deleted)


def review_status_chosen(*, status, rating, comment, watched_on):
    """The status a submission means; the site form calls it before saving.

    A status chosen is kept. None with a rating, comment or watch date means
    the member watched the film; None with nothing at all is no choice, and
    raises ValidationError on `status` rather than logging a film as watched
    because a button was pressed.
    """
    if status:
        return status
    if rating is not None or comment or watched_on is not None:
        return UserFilm.Status.WATCHED
    raise ValidationError(
        {"status": _("Choose a status or a rating: nothing was chosen to save.")}
    )


def review_validate(*, rating, status, comment, watched_on, user=None):
    """Every rule about one member's entry, for the site form, the API and the admin.

    "Not in the future" is judged on `user`'s calendar (the site's without
    one, accounts.time_zones.member_today). Raises
    django.core.exceptions.ValidationError with an error list per field name
    (`rating`, `status`, `comment`, `watched_on`); returns None.
    review_upsert() and review_create() call it, so no write skips it; forms
    call it too, to show the errors next to their fields before saving.
    """
    errors = {}
    if rating is not None and not RATING_MIN <= rating <= RATING_MAX:
        errors["rating"] = _("A rating is 1 to 10 (½ to 5 stars).")
    if status not in UserFilm.Status.values:
        errors["status"] = _("Unknown status.")
    if len(comment or "") > COMMENT_MAX_LENGTH:
        errors["comment"] = _("A comment has at most %(max)d characters.") % {
            "max": COMMENT_MAX_LENGTH
        }
    if watched_on is not None and watched_on > member_today(user):
        errors["watched_on"] = _(
            "The date you watched the film cannot be in the future."
        )
    if status == UserFilm.Status.WANT:
        # Nothing watched yet: no rating to count in the average, no date.
        if rating is not None:
            errors.setdefault(
                "rating",
                _("Rate the film once you've seen it, or change the status."),
            )
        if watched_on is not None:
            errors.setdefault(
                "watched_on",
                _("A film you still want to watch has no watch date."),
            )
    if errors:
        raise ValidationError(errors)
