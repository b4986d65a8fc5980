"""Writes to a member's account. Views stay thin and call these."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import transaction

from reviews.models import UserFilm

from .time_zones import validate_time_zone

logger = logging.getLogger(__name__)


def user_profile_update(*, user, display_name, bio, time_zone=None):
    """Save a member's profile (and their time zone); returns the user.

    `time_zone` is an IANA name (accounts.time_zones); None keeps the one
    they have. Raises ValidationError (nothing saved) when a value breaks the
    model field's validators (a display name with control or bidi characters),
    is longer than the model allows -- checked here because the database does
    not limit a TextField and model validation ignores its max_length -- or
    the time zone is unknown.
    """
    values = {"display_name": display_name.strip(), "bio": bio.strip()}
    errors = {}
    for name, value in values.items():
        field = user._meta.get_field(name)
        try:
            MaxLengthValidator(field.max_length)(value)
            field.run_validators(value)
        except ValidationError as error:
            errors[name] = error.messages
    if time_zone is not None:
        try:
            validate_time_zone(time_zone)
        except ValidationError as error:
            errors["time_zone"] = error.messages
        values["time_zone"] = time_zone
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(user, name, value)
    user.save(update_fields=list(values))
    return user


class AccountDeletionRefused(Exception):
    """The account may not be deleted from the site (e.g. a superuser)."""


@transaction.atomic
def user_delete(*, user):
    """Delete a member with their ratings and reviews; films stay.

    Returns the number of UserFilms deleted. Superusers are refused: the last
    one deleting themselves would lock everyone out of the admin.
    """
    if user.is_superuser:
        raise AccountDeletionRefused(user.pk)
    # Explicit rather than relying on the cascade alone, so the count is real
    # and a future on_delete change cannot silently keep orphaned reviews.
    _, deleted = UserFilm.objects.filter(user=user).delete()
    userfilms_deleted = deleted.get(UserFilm._meta.label, 0)
    user_id = user.pk
    user.delete()
    logger.info("Deleted account %s and %s ratings/reviews", user_id, userfilms_deleted)
    return userfilms_deleted


def user_language_set(*, user, language):
    """Remember the member's interface language (a code from LANGUAGES, or "")."""
    if language and language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": [f"Unknown language {language!r}."]})
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user


def verification_email_resend(*, request, email):
    """Send a new verification link to `email` if an unverified member has it.

    Returns True when an email went out. Says nothing about whether the address
    is known (the caller answers alike either way). allauth allows one email
    per address every EMAIL_CONFIRMATION_COOLDOWN (3 minutes): within it the
    links already sent stay valid and nothing more is sent.
    """
    from allauth.account.internal.flows.email_verification import (
        send_verification_email_to_address,
    )
    from allauth.account.models import EmailAddress

    address = (
        EmailAddress.objects.filter(email__iexact=email.strip(), verified=False)
        .select_related("user")
        .first()
    )
    if address is None or address.user_id is None:
        return False
    return send_verification_email_to_address(request, address)
