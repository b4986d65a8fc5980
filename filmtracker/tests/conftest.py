"""Shared data for the query budget tests: 5 or 200 of everything."""

import pytest
from django.core.cache import cache

from accounts.factories import UserFactory
from films.factories import FilmFactory, GenreFactory, PersonFactory
from films.models import Credit
from films.renditions import poster_renditions_warm
from reviews.models import UserFilm


@pytest.fixture
def catalogue(db, request):
    n = request.param
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
