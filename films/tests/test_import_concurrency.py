"""Parallel imports with real threads and real connections (PostgreSQL only).

SQLite serialises writers for the whole file, so it cannot show the race.
"""

import pytest
from django.db import connection
from wagtail.images import get_image_model

from films.models import Film, Person
from films.services import film_import_from_tmdb
from filmtracker.testing import ensure_root_collection, run_in_parallel

# The skip is decided at collection, so on SQLite no transactional database
# is set up (and flushed) for nothing. serialized_rollback: the flush after
# each test takes the data made by migrations (root collection, page tree).
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL=postgres://...)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _root_collection():
    ensure_root_collection()


def test_ten_parallel_imports_make_one_film_and_one_poster(fake_tmdb):
    results = run_in_parallel([lambda: film_import_from_tmdb(tmdb_id=603)] * 10)
    assert Film.objects.filter(tmdb_id=603).count() == 1
    assert {film.pk for film, _ in results} == {Film.objects.get(tmdb_id=603).pk}
    assert sorted(created for _, created in results) == [False] * 9 + [True]
    assert get_image_model().objects.count() == 1
    assert fake_tmdb.count("/t/p/") == 1  # the poster was downloaded once


def test_parallel_imports_of_films_sharing_people_all_succeed(fake_tmdb):
    # Carrie-Anne Moss and Keanu Reeves are in several of these at once.
    ids = [603, 604, 605, 624860, 77] * 2
    results = run_in_parallel(
        [lambda i=i: film_import_from_tmdb(tmdb_id=i) for i in ids]
    )
    assert Film.objects.count() == 5
    assert sum(created for _, created in results) == 5
    assert Person.objects.filter(tmdb_id=530).count() == 1
    assert Person.objects.get(tmdb_id=530).films.count() == 5
    assert get_image_model().objects.count() == 5
