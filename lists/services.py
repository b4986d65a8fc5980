"""Write-side operations on members' lists and their entries.

Every function checks who may write (the list's owner, a verified member to
create or add), validates, and changes the rows inside one transaction that
first locks the list's row (`select_for_update`): the writes to one list
happen one after another, so two tabs reordering at once end with positions
1..N, no gap and no repeat. Each write bumps the versions of the cached pages
it changes (lists/cache.py). Errors: PermissionDenied (not a verified
member), ValidationError (a message list per field; NON_FIELD_ERRORS for the
whole request) and List.DoesNotExist / ListEntry.DoesNotExist for a list or
entry that is not the member's own (callers answer 404).
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from accounts.permissions import member_can_review
from filmtracker.slugs import slug_from

from .cache import lists_changed
from .models import (
    MAX_ENTRIES,
    MAX_LISTS,
    NOTE_MAX_LENGTH,
    SLUG_MAX_LENGTH,
    List,
    ListEntry,
)
from .validation import clean as _clean
from .validation import list_validate, text_errors

__all__ = ["list_validate"]  # re-exported: the rules of a list's fields

LIST_FIELDS = ("title", "description", "visibility", "ranked")


def _require_member(user):
    if not member_can_review(user):
        raise PermissionDenied(
            _("Only members with a verified email may make and change lists.")
        )


def _free_slug(*, owner, title):
    base = slug_from(title, max_length=SLUG_MAX_LENGTH - 6, fallback="list")
    taken = set(
        List.objects.filter(owner=owner, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def list_create(
    *, owner, title, description="", visibility=List.Visibility.PUBLIC, ranked=False
):
    """Create a list for `owner` (a verified member); returns the List.

    Its slug comes from the title, unique among the owner's lists (`-2`,
    `-3`...). A member has at most MAX_LISTS (200) lists: the 201st is a
    ValidationError on NON_FIELD_ERRORS.
    """
    _require_member(owner)
    values = _clean({"title": title, "description": description})
    list_validate(visibility=visibility, **values)
    with transaction.atomic():
        # The member's row orders their creates: no 201st list, no slug clash.
        get_user_model().objects.select_for_update().filter(pk=owner.pk).first()
        if List.objects.filter(owner=owner).count() >= MAX_LISTS:
            raise ValidationError(
                {
                    NON_FIELD_ERRORS: _(
                        "You have %(max)d lists, the most one member can have. "
                        "Delete one to make another."
                    )
                    % {"max": MAX_LISTS}
                }
            )
        film_list = List.objects.create(
            owner=owner,
            slug=_free_slug(owner=owner, title=values["title"]),
            visibility=visibility,
            ranked=bool(ranked),
            **values,
        )
    lists_changed(owner_id=owner.pk)
    return film_list


def _locked(*, user, list_id):
    return List.objects.select_for_update().get(pk=list_id, owner=user)


def _film_ids(film_list):
    return list(film_list.entries.values_list("film_id", flat=True))


def list_update(*, user, list_id, **changes):
    """Change the title, description, visibility or ranking of `user`'s list.

    `changes` holds any of LIST_FIELDS; the slug stays. Returns the List.
    """
    _require_member(user)
    unknown = set(changes) - set(LIST_FIELDS)
    if unknown:
        raise TypeError(f"list_update() got unknown fields {sorted(unknown)}")
    with transaction.atomic():
        film_list = _locked(user=user, list_id=list_id)
        values = {name: getattr(film_list, name) for name in LIST_FIELDS}
        values |= _clean(changes)
        list_validate(
            title=values["title"],
            description=values["description"],
            visibility=values["visibility"],
        )
        was_public = film_list.visibility == List.Visibility.PUBLIC
        for name, value in values.items():
            setattr(film_list, name, bool(value) if name == "ranked" else value)
        film_list.save()
        # A film page names the public lists holding it: their titles too.
        shown = was_public or film_list.visibility == List.Visibility.PUBLIC
        lists_changed(owner_id=user.pk, film_ids=_film_ids(film_list) if shown else ())
    return film_list


def list_delete(*, user, list_id):
    """Delete `user`'s own list and its entries; True if there was one.

    Needs no verified email: members may always remove their own data. The
    pages go stale through lists/invalidation.py (also for cascades).
    """
    with transaction.atomic():
        film_list = List.objects.filter(pk=list_id, owner=user).first()
        if film_list is None:
            return False
        film_list.delete()
    return True


def _shift(film_list, *, first, last, by):
    """Move the entries at positions first..last by `by` (+1 or -1).

    In two statements, through negative positions, so that the unique
    (list, position) constraint holds after each one on every database.
    """
    if first > last:
        return
    entries = ListEntry.objects.filter(list=film_list)
    entries.filter(position__gte=first, position__lte=last).update(
        position=-(F("position") + by)
    )
    entries.filter(position__gte=-(last + by), position__lte=-(first + by)).update(
        position=-F("position")
    )


def _note_errors(note):
    errors = {}
    text_errors(errors, "note", note, max_length=NOTE_MAX_LENGTH)
    return errors


def _position_error(position, count):
    return {"position": _("Choose a position from 1 to %(max)d.") % {"max": count}}


def list_entry_add(*, user, list_id, film, position=None, note=""):
    """Add `film` to `user`'s list at `position` (1 = first; None = last).

    The films from `position` on move down one. A film is in a list once
    (ValidationError on `film`); a list holds at most MAX_ENTRIES (5,000)
    films. Returns the ListEntry.
    """
    _require_member(user)
    errors = _note_errors(note)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        film_list = _locked(user=user, list_id=list_id)
        count = film_list.entries.count()
        if position is None:
            position = count + 1
        if film_list.entries.filter(film=film).exists():
            errors["film"] = _("%(film)s is already in this list.") % {"film": film}
        elif count >= MAX_ENTRIES:
            errors[NON_FIELD_ERRORS] = _(
                "This list has %(max)d films, the most a list can hold."
            ) % {"max": MAX_ENTRIES}
        elif not 1 <= position <= count + 1:
            errors |= _position_error(position, count + 1)
        if errors:
            raise ValidationError(errors)
        _shift(film_list, first=position, last=count, by=1)
        entry = ListEntry.objects.create(
            list=film_list, film=film, position=position, note=note.strip()
        )
        film_list.save(update_fields=["updated_at"])
        lists_changed(owner_id=user.pk, film_ids=[film.pk])
    return entry


def list_entry_remove(*, user, list_id, entry_id):
    """Remove an entry from `user`'s own list; True if there was one.

    The films after it move up one. Needs no verified email.
    """
    with transaction.atomic():
        film_list = _locked(user=user, list_id=list_id)
        entry = film_list.entries.filter(pk=entry_id).first()
        if entry is None:
            return False
        count = film_list.entries.count()
        entry.delete()
        _shift(film_list, first=entry.position + 1, last=count, by=-1)
        film_list.save(update_fields=["updated_at"])
        lists_changed(owner_id=user.pk, film_ids=[entry.film_id])
    return True


def list_entry_update(*, user, list_id, entry_id, position=None, note=None):
    """Move an entry of `user`'s list to `position` and/or change its note.

    `position` is 1..N (N films in the list); the films between the old and
    the new place close up. None leaves a value as it is. Returns the
    ListEntry; ListEntry.DoesNotExist if it is not in that list.
    """
    _require_member(user)
    errors = _note_errors(note) if note is not None else {}
    with transaction.atomic():
        film_list = _locked(user=user, list_id=list_id)
        entry = film_list.entries.get(pk=entry_id)
        count = film_list.entries.count()
        if position is not None and not 1 <= position <= count:
            errors |= _position_error(position, count)
        if errors:
            raise ValidationError(errors)
        if position is not None and position != entry.position:
            old = entry.position
            entry.position = 0  # parked: no entry is ever at 0
            entry.save(update_fields=["position"])
            if position < old:
                _shift(film_list, first=position, last=old - 1, by=1)
            else:
                _shift(film_list, first=old + 1, last=position, by=-1)
            entry.position = position
        if note is not None:
            entry.note = note.strip()
        entry.save(update_fields=["position", "note"])
        film_list.save(update_fields=["updated_at"])
        lists_changed(owner_id=user.pk)
    return entry


def list_entry_move(*, user, list_id, entry_id, position):
    """Move an entry of `user`'s list to `position` (see list_entry_update)."""
    return list_entry_update(
        user=user, list_id=list_id, entry_id=entry_id, position=position
    )
