"""The range of film years the site accepts, in one place (search, API, admin)."""

from django.core.validators import MaxValueValidator
from django.utils import timezone

FILM_YEAR_MIN = 1874  # the oldest surviving motion pictures
FILM_YEARS_AHEAD = 5  # announced films can be a few years ahead
# The earliest date a member may say they watched something: before any film
# (a typo like 0204 for 2024 is refused rather than stored).
VIEWING_YEAR_MIN = 1870


def film_year_max():
    """The latest year accepted: this year plus FILM_YEARS_AHEAD; moves with time."""
    return timezone.localdate().year + FILM_YEARS_AHEAD


def film_year_max_validator():
    """A Django validator for film_year_max(), read at validation time."""
    return MaxValueValidator(film_year_max)
