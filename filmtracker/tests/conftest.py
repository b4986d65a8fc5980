"""Shared data for the query budget tests: 5 or 200 of everything.

Built once per test module and size (the tests only read it), inside a
transaction rolled back when the module is done; each test's own writes
(sessions, last_login) are rolled back by its own nested transaction.
"""

import pytest
from django.core.cache import cache
from django.db import transaction

from accounts.factories import UserFactory
from films.factories import FilmFactory, GenreFactory, PersonFactory
from films.models import Credit
from films.renditions import poster_renditions_warm
from reviews.models import UserFilm


@pytest.fixture(scope="module")
def catalogue(request, django_db_setup, django_db_blocker):
    """{"n", "films", "critic"}; use with indirect parametrization on the size."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _catalogue_build(request.param)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _catalogue_build(n):
    genres = [GenreFactory() for _ in range(3)]
    people = [PersonFactory() for _ in range(5)]
    films = [FilmFactory(with_poster=True) for _ in range(n)]
    for i, film in enumerate(films):
        film.genres.set(genres[: 1 + i % 3])
        for order, person in enumerate(people[: 1 + i % 5]):
            Credit.objects.create(
                film=film, person=person, role=Credit.Role.CAST, order=order
            )
    members = [UserFactory() for _ in range(n)]
    critic = UserFactory(username="critic")
    rows = [
        UserFilm(user=member, film=films[0], rating=1 + i % 10, comment=f"Review {i}")
        for i, member in enumerate(members)
    ]
    rows += [
        UserFilm(user=critic, film=film, rating=7, comment="Seen it")
        for film in films[1:]
    ]
    UserFilm.objects.bulk_create(rows)
    poster_renditions_warm()
    cache.clear()
    return {"n": n, "films": films, "critic": critic}
