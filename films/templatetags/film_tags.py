"""Template helpers for showing films and ratings."""

import math

from django import template
from django.template.defaultfilters import floatformat
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from films.models import content_language

register = template.Library()

# The most posters one row of film_grid.html shows (row-cols-lg-6).
GRID_ROW = 6


@register.filter
def stars(rating):
    """A 1-10 rating (or an average on that scale) as stars, to the half: 7 -> 3.5."""
    if rating is None or rating == "":
        return None
    # Half up, not Python's round-half-even: an average of 6.5 shows 3½ stars.
    return math.floor(float(rating) + 0.5) / 2


@register.inclusion_tag("includes/stars.html")
def star_rating(rating, size="", number=True):
    """Stars for a 1-10 rating or average, rounded to the nearest half star.

    Drawn with CSS (a class per half-star step) so the page needs no inline
    style; screen readers get the value as text. The value is also shown as a
    number beside them (`number=False` where the page already shows it): the
    stars' colours alone do not reach 3:1 against each other.
    """
    value = stars(rating)
    if value is None:
        return {"rating": None}
    shown = _stars_number(rating)
    return {
        "rating": rating,
        "value": value,
        "steps": int(value * 2),
        "size": size,
        "number": shown if number else "",
        "label": _("%(stars)s out of 5 stars") % {"stars": shown},
    }


def _stars_number(rating):
    """A 1-10 rating or average in stars as the film page writes it: a rating
    (whole or half stars) exactly (7 -> "3.5", 8 -> "4"), an average as
    average_out_of_five does (6.5 -> "3.3"); Russian "3,5". The stars drawn
    beside it are rounded to the half."""
    exact = float(rating) / 2
    if exact * 2 != int(exact * 2):
        return average_out_of_five(rating)
    return number_format(exact, decimal_pos=0 if exact == int(exact) else 1)


@register.filter
def stars_phrase(value):
    """A number of stars in words: "1 star", "4.5 stars"; Russian "1 звезда",
    "2 звезды", "5 звёзд", and "4,5 звезды" (a fraction takes the genitive
    singular, which no plural form of an integer gives)."""
    value = float(value)
    shown = _stars_number(value * 2)  # a number of stars: on the 1-10 scale
    if value == int(value):
        text = ngettext("%(stars)s star", "%(stars)s stars", int(value))
    else:
        text = pgettext("a fractional number of stars", "%(stars)s stars")
    return text % {"stars": shown}


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


@register.filter
def average_out_of_five(rating):
    """A 1-10 average as the site writes it out of 5: one decimal, half up, in
    the reader's language ("3.3", Russian "3,3"); "" without one. One rule for
    the film page, the ratings block, cards and the API's `average_text`."""
    value = out_of_five(rating)
    return "" if value is None else floatformat(value, 1)


@register.filter
def text_language(film, name):
    """The language of what `film.display_<name>` shows (see Film.text_language)."""
    return film.text_language(name)


@register.simple_tag
def lang_attr(code):
    """` lang="<code>"` when `code` is not the page's language, else "".

    For text from TMDB (English fallbacks, original titles) inside a page in
    another language. An unknown language ("") gets no attribute at all:
    `lang=""` would claim the text is in no language.
    """
    if not code or code == content_language():
        return ""
    return format_html(' lang="{}"', code)


def poster_loading(index, *, row, first=True):
    """How to load the `index`th (from 0) poster of a list: a dict with
    `loading` ("eager" in the first row of the page's first list, else "lazy")
    and `fetchpriority` ("high" for the very first poster, the likely Largest
    Contentful Paint; None, which renders no attribute, for the others)."""
    top = first and index < row
    return {
        "loading": "eager" if top else "lazy",
        "fetchpriority": "high" if first and index == 0 else None,
    }


@register.simple_tag
def poster_loading_of(index, *, row, first=True):
    """poster_loading() in a template: `{% poster_loading_of i row=2 as load %}`."""
    return poster_loading(index, row=row, first=first)


@register.inclusion_tag("includes/film_grid.html", takes_context=True)
def film_grid(context, films, ranked=False):
    """A grid of film cards. The first grid rendered for a request loads its
    first row eagerly (the posters a phone shows above the fold); later ones
    (home's second list) stay lazy. `ranked` numbers the cards from 1 (an
    ordered list, the number over each poster and read before its title)."""
    request = context.get("request")
    first = request is not None and not getattr(request, "_film_grid_shown", False)
    if request is not None:
        request._film_grid_shown = True
    films = list(films)
    return {
        "films": films,  # for {% quick_prefetch %}: members' own entries at once
        "ranked": ranked,
        "cards": [
            {
                "film": film,
                "rank": i + 1 if ranked else None,
                **poster_loading(i, row=GRID_ROW, first=first),
            }
            for i, film in enumerate(films)
        ],
    }
