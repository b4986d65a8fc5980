"""The rules of a list's own fields (lists/services.py applies them on every write)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, List


def text_errors(errors, field, value, *, max_length, required=False):
    if not isinstance(value, str):
        errors[field] = _("This must be text.")
    elif "\x00" in value:
        errors[field] = _("Text cannot contain NUL characters.")
    elif len(value) > max_length:
        errors[field] = _("At most %(max)d characters.") % {"max": max_length}
    elif required and not value.strip():
        errors[field] = _("Give the list a title.")


def list_validate(*, title, description="", visibility=List.Visibility.PUBLIC):
    """Every rule about a list's own fields; raises ValidationError, returns None.

    `title` 1-200 characters (not only spaces), `description` plain text of
    at most 5,000 characters (line breaks kept), `visibility` one of
    List.Visibility; no NUL character anywhere.
    """
    errors = {}
    text_errors(errors, "title", title, max_length=TITLE_MAX_LENGTH, required=True)
    text_errors(errors, "description", description, max_length=DESCRIPTION_MAX_LENGTH)
    if visibility not in List.Visibility.values:
        errors["visibility"] = _("Choose public, unlisted or private.")
    if errors:
        raise ValidationError(errors)


def clean(values):
    values = dict(values)
    if isinstance(values.get("title"), str):
        values["title"] = values["title"].strip()
    if isinstance(values.get("description"), str):
        # Plain text: Windows line ends become one; trailing blanks go.
        values["description"] = values["description"].replace("\r\n", "\n").strip()
    return values
