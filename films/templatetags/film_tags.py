"""Template helpers for showing films and ratings."""

import math

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def stars(rating):
    """A 1-10 rating (or an average on that scale) as stars, to the half: 7 -> 3.5."""
    if rating is None or rating == "":
        return None
    # Half up, not Python's round-half-even: an average of 6.5 shows 3½ stars.
    return math.floor(float(rating) + 0.5) / 2


@register.inclusion_tag("includes/stars.html")
def star_rating(rating, size=""):
    """Stars for a 1-10 rating or average, rounded to the nearest half star.

    Drawn with CSS (a class per half-star step) so the page needs no inline
    style; screen readers get the value as text.
    """
    value = stars(rating)
    if value is None:
        return {"rating": None}
    return {
        "rating": rating,
        "value": value,
        "steps": int(value * 2),
        "size": size,
        "label": _("%(stars)s out of 5 stars") % {"stars": f"{value:g}"},
    }


@register.filter
def runtime(minutes):
    """112 -> '1 h 52 min'; 45 -> '45 min'."""
    if not minutes:
        return ""
    hours, mins = divmod(int(minutes), 60)
    if not hours:
        return _("%(m)s min") % {"m": mins}
    if not mins:
        return _("%(h)s h") % {"h": hours}
    return _("%(h)s h %(m)s min") % {"h": hours, "m": mins}


@register.filter
def out_of_five(rating):
    """A 1-10 average as an exact value out of 5 (format it with floatformat)."""
    if rating is None or rating == "":
        return None
    return float(rating) / 2
