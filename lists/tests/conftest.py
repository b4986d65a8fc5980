import pytest

from films.factories import FilmFactory
from lists.bulk import list_entries_append
from lists.services import list_create


@pytest.fixture
def films(db):
    return [FilmFactory(title=f"Film {i}") for i in range(1, 6)]


@pytest.fixture
def make_list(member):
    """A list of `member` (by the services) holding `films` in that order."""

    def make(films=(), owner=None, **values):
        owner = owner or member
        values.setdefault("title", "My list")
        film_list = list_create(owner=owner, **values)
        list_entries_append(
            user=owner, list_id=film_list.pk, films=[(f, "") for f in films]
        )
        return film_list

    return make


def order(film_list):
    """The films' titles by position, and the positions (1..N when sound)."""
    rows = film_list.entries.order_by("position").values_list("film__title", "position")
    return [title for title, _ in rows], [position for _, position in rows]


def bulk_films(count, prefix="Bulk"):
    """`count` films in one INSERT (no signals, no search indexing): for size tests."""
    from films.models import Film

    start = Film.objects.count()
    return Film.objects.bulk_create(
        Film(
            title=f"{prefix} {start + i}",
            slug=f"{prefix.lower()}-{start + i}",
            year=2000,
        )
        for i in range(count)
    )
