"""Film addresses: a readable slug from a title in any script, unique among the
addresses films have now and had before, and the history that keeps old ones
answering (films/middleware.py redirects them).
"""

import re
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Q

from filmtracker.slugs import has_latin_letters, slug_from

# The title part of a film slug; with "-<year>" and a "-<n>" counter the whole
# stays well inside Film.slug's 120 characters.
TITLE_SLUG_LENGTH = 90
FILM_FALLBACK = "film"


def film_slug_base(*, title, original_title="", year=None):
    """`<title>-<year>` in ASCII, e.g. ("Spirited Away", 2001) -> spirited-away-2001.

    A title with Latin letters is used first (the English one, else the
    original), then one with letters in any script, transliterated (千と千尋の
    神隠し gives qian-to-qian-xun-no-shen-yin-shi-2001, not 2001), then one of
    symbols spelled by name (question-mark-2011); "film" when all are empty.
    """
    titles = [t for t in (title, original_title) if t and t.strip()]
    # Stable sort, English first: Latin letters, then any letters or digits,
    # and only then a title of symbols spelled by their names.
    titles.sort(key=lambda t: (not has_latin_letters(t), not _has_words(t)))
    slugs = (slug_from(t, max_length=TITLE_SLUG_LENGTH, fallback="") for t in titles)
    text = next((s for s in slugs if s), FILM_FALLBACK)
    return f"{text}-{year}" if year else text


def _has_words(text):
    return any(ch.isalnum() for ch in text)


def slug_unique(base, *, taken):
    """`base`, or `base-2`, `base-3`... the first not in `taken(base)`.

    `taken(base)` returns the slugs in use that equal `base` or start with
    `base-` (one query however many films share the base).
    """
    used = set(taken(base))
    if base not in used:
        return base
    counter = re.compile(rf"{re.escape(base)}-(\d+)")
    numbers = {int(m[1]) for s in used if (m := counter.fullmatch(s))}
    return f"{base}-{min(set(range(2, len(numbers) + 3)) - numbers)}"


def slugs_taken(film_model, slug_model, *, exclude_film_pk=None):
    """A `taken` for slug_unique over current and former film slugs.

    Models are parameters so that migrations can pass their historical ones.
    """

    def taken(base):
        like = Q(slug=base) | Q(slug__startswith=f"{base}-")
        films = film_model.objects.filter(like).exclude(pk=exclude_film_pk)
        former = slug_model.objects.filter(like).exclude(film_id=exclude_film_pk)
        return [
            *films.values_list("slug", flat=True),
            *former.values_list("slug", flat=True),
        ]

    return taken


def film_slug_new(film):
    """A unique slug for `film` from its titles and year."""
    from .models import Film, FilmSlug

    base = film_slug_base(
        title=film.title, original_title=film.original_title, year=film.year
    )
    return slug_unique(base, taken=slugs_taken(Film, FilmSlug, exclude_film_pk=film.pk))


@contextmanager
def film_address_kept(film):
    """Wrap a film's save: give it a slug if it has none, and remember the old one.

    A changed slug (an editor's, or "" to recompute) leaves a FilmSlug with
    the previous address, which then redirects; the new slug, if it was a
    former address of any film, stops being one (the live address wins).
    """
    from .models import Film, FilmSlug

    previous = None
    if film.pk is not None:
        current = Film.objects.filter(pk=film.pk).values_list("slug", flat=True)
        previous = current.first()
    if not film.slug:
        film.slug = film_slug_new(film)
    with transaction.atomic():
        yield
        if previous and previous != film.slug:
            FilmSlug.objects.filter(slug=film.slug).delete()
            FilmSlug.objects.update_or_create(slug=previous, defaults={"film": film})


def film_slug_current(*, slug):
    """The current slug of the film that had `slug` before, or None."""
    from .models import FilmSlug

    return (
        FilmSlug.objects.filter(slug=slug).values_list("film__slug", flat=True).first()
    )
