"""Reads for a member's exports: their entries and viewings, film by film.

Every query here is a constant number, whatever the member's history: rows
are read with `.iterator()` (no prefetch, so no query per chunk) and films'
directors come in one query of their own.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from films.models import Credit, Film
from reviews.diary_selectors import with_rewatch
from reviews.models import UserFilm, Viewing

from . import hooks

CHUNK_SIZE = 500
# What an export says about a film (not its overview, credits or poster).
FILM_FIELDS = [
    "film__id",
    "film__tmdb_id",
    "film__imdb_id",
    "film__title",
    "film__original_title",
    "film__year",
    "film__release_date",
    "film__slug",
]
ENTRY_FIELDS = [
    "user_id",
    "film_id",
    "status",
    "rating",
    "comment",
    "watched_on",
    "created_at",
    "updated_at",
]
VIEWING_FIELDS = ["user_id", "film_id", "watched_on", "rating", "note", "created_at"]


def export_entries(*, user):
    """`user`'s entries (UserFilm) with their film, ordered by film id."""
    return (
        UserFilm.objects.filter(user=user)
        .select_related("film")
        .only(*ENTRY_FIELDS, *FILM_FIELDS)
        .order_by("film_id")
    )


def export_viewings(*, user):
    """`user`'s viewings with film and `rewatch`, by film, then oldest first."""
    return (
        with_rewatch(Viewing.objects.filter(user=user))
        .select_related("film")
        .only(*VIEWING_FIELDS, *FILM_FIELDS)
        .order_by("film_id", "watched_on", "pk")
    )


def export_directors(*, user):
    """{film id: "Name, Name"}: the directors of every film `user` has an entry
    or a viewing of, in credit order; one query."""
    mine = Q(userfilms__user=user) | Q(viewings__user=user)
    films = Film.objects.filter(mine).values("pk")
    credits = (
        Credit.objects.filter(role=Credit.Role.DIRECTOR, film__in=films)
        .order_by("film_id", "order", "pk")
        .values_list("film_id", "person__name")
    )
    directors = {}
    for film_id, name in credits.iterator(chunk_size=CHUNK_SIZE):
        directors.setdefault(film_id, []).append(name)
    return {film_id: ", ".join(names) for film_id, names in directors.items()}


@dataclass
class FilmHistory:
    """One film in a member's history: their entry (or None: a viewing can
    outlive a deleted entry) and their viewings, oldest first."""

    film: Film
    entry: UserFilm | None = None
    viewings: list = field(default_factory=list)

    @property
    def latest_viewing(self):
        return self.viewings[-1] if self.viewings else None


def film_histories(*, user):
    """`user`'s FilmHistory per film, by film id (a generator; two queries).

    Entries and viewings are read side by side in film order and merged, so
    only one film's viewings are in memory at a time.
    """
    entries = export_entries(user=user).iterator(chunk_size=CHUNK_SIZE)
    viewings = export_viewings(user=user).iterator(chunk_size=CHUNK_SIZE)
    entry = next(entries, None)
    viewing = next(viewings, None)
    while entry is not None or viewing is not None:
        if viewing is None or (entry is not None and entry.film_id <= viewing.film_id):
            history = FilmHistory(film=entry.film, entry=entry)
            entry = next(entries, None)
        else:
            history = FilmHistory(film=viewing.film)
        while viewing is not None and viewing.film_id == history.film.pk:
            history.viewings.append(viewing)
            viewing = next(viewings, None)
        yield history


def export_sections(*, user, base_url):
    """{name: value} of the sections other apps registered (exports.hooks)."""
    return {
        name: build(user=user, base_url=base_url)
        for name, build in hooks.full_export_sections().items()
    }
