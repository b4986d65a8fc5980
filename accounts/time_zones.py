"""Members' own time zones: which names are valid, and what day it is for them.

Dates a member types (when they watched a film) are on their calendar, so
"today" and "not in the future" are judged in their zone, never the server's.
"""

import functools
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TIME_ZONE_MAX_LENGTH = 64  # the longest IANA names are about 32 characters


@functools.cache
def time_zone_names():
    """The IANA names zoneinfo knows (a frozenset); read from disk once."""
    return frozenset(zoneinfo.available_timezones())


def default_time_zone():
    """The site's zone (settings.TIME_ZONE): a new member's until they choose."""
    return settings.TIME_ZONE


def validate_time_zone(value):
    """Raise ValidationError unless `value` is an IANA time zone name.

    Checked against the known names rather than by ZoneInfo(value), which
    also opens relative file paths.
    """
    if value not in time_zone_names() and value != settings.TIME_ZONE:
        raise ValidationError(
            _("“%(value)s” is not a time zone name like Europe/Paris."),
            code="invalid_time_zone",
            params={"value": value},
        )


def time_zone_choices():
    """[(name, name)] sorted, for a <select>."""
    return [(name, name) for name in sorted(time_zone_names())]


def member_zone(user):
    """`user`'s ZoneInfo; the site's for anonymous visitors or an unknown name."""
    name = getattr(user, "time_zone", "") or settings.TIME_ZONE
    if name not in time_zone_names():
        name = settings.TIME_ZONE
    return zoneinfo.ZoneInfo(name)


def member_today(user):
    """Today's date (datetime.date) on `user`'s calendar, from timezone.now()."""
    return timezone.localdate(timezone=member_zone(user))
