"""Members' entries survive TMDB imports and refreshes of their films
(against the fake TMDB server, over real HTTP)."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from films.factories import FilmFactory
from films.models import Film
from films.services import film_import_from_tmdb
from films.tests.test_refresh_films import age, refresh
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db


def test_reimport_updates_in_place_keeps_slug_and_members_ratings(fake_tmdb, member):
    film, _ = film_import_from_tmdb(tmdb_id=603)
    rating = UserFilmFactory(user=member, film=film, rating=9, comment="Whoa.")
    before = list(UserFilm.objects.values())
    fake_tmdb.set_movie(603, title="The Matrix (Remastered)", runtime=140)
    again, created = film_import_from_tmdb(tmdb_id=603)
    # Details are cached for TMDB_CACHE_TTL: the second import saw the old ones.
    assert not created and again.title == "The Matrix"
    cache.clear()
    again, created = film_import_from_tmdb(tmdb_id=603)
    again.refresh_from_db()
    assert (again.pk, again.title, again.runtime) == (
        film.pk,
        "The Matrix (Remastered)",
        140,
    )
    assert again.slug == "the-matrix-1999"
    assert list(UserFilm.objects.values()) == before
    rating.refresh_from_db()
    assert rating.rating == 9


def test_import_never_touches_other_films_ratings(fake_tmdb, member):
    other = FilmFactory()
    UserFilmFactory(user=member, film=other, rating=4)
    film_import_from_tmdb(tmdb_id=604)
    assert UserFilm.objects.get(film=other).rating == 4
    assert UserFilm.objects.count() == 1


@pytest.fixture
def matrix(fake_tmdb):
    film, _ = film_import_from_tmdb(tmdb_id=603)
    age(film, 200)
    return film


@pytest.fixture
def ratings(matrix):
    rows = [UserFilmFactory(film=matrix, rating=r) for r in (10, 7, 3)]
    return {row.pk: (row.user_id, row.rating, row.comment) for row in rows}


def rating_rows():
    return {
        row.pk: (row.user_id, row.rating, row.comment) for row in UserFilm.objects.all()
    }


def test_a_real_run_updates_the_title_and_keeps_every_rating(
    fake_tmdb, matrix, ratings
):
    fake_tmdb.set_movie(603, title="The Matrix (Remastered)")
    out = refresh()
    assert "The Matrix (Remastered) (1999): updated" in out
    assert "title: The Matrix -> The Matrix (Remastered)" in out
    assert "1 updated, 0 unchanged" in out
    film = Film.objects.get(pk=matrix.pk)
    assert film.title == "The Matrix (Remastered)"
    assert film.slug == matrix.slug
    assert film.tmdb_synced_at > timezone.now() - timedelta(minutes=1)
    assert rating_rows() == ratings


def test_a_film_gone_from_tmdb_stays_marked_and_keeps_its_ratings(
    fake_tmdb, matrix, ratings
):
    fake_tmdb.remove_movie(603)
    out = refresh()
    assert "The Matrix (1999): gone from TMDB (kept, marked)" in out
    assert "1 gone from TMDB" in out
    film = Film.objects.get(pk=matrix.pk)
    assert film.tmdb_missing
    assert film.title == "The Matrix"
    assert rating_rows() == ratings
    assert "nothing to do" in refresh()  # no longer refreshed
