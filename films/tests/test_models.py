from datetime import date

import pytest
from django.db import IntegrityError, transaction

from accounts.factories import UserFactory
from films.factories import FilmFactory
from films.models import Film
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db


def stats_for(film):
    return Film.objects.with_stats().get(pk=film.pk)


def test_film_without_ratings_has_no_average_and_zero_counts():
    film = stats_for(FilmFactory())
    assert film.average_rating is None
    assert film.rating_count == 0
    assert film.watch_count == 0


def test_film_with_one_rating():
    film = FilmFactory()
    UserFilmFactory(film=film, rating=7)
    film = stats_for(film)
    assert film.average_rating == 7
    assert film.rating_count == 1
    assert film.watch_count == 1


def test_film_with_many_ratings_counts_statuses_and_unrated_entries_correctly():
    film = FilmFactory()
    UserFilmFactory(film=film, rating=10)
    UserFilmFactory(film=film, rating=5)
    UserFilmFactory(film=film, rating=6, status=UserFilm.Status.DROPPED)
    UserFilmFactory(film=film, rating=None, status=UserFilm.Status.WATCHED)
    UserFilmFactory(film=film, rating=None, status=UserFilm.Status.WANT)
    UserFilmFactory(rating=1)  # another film's rating must not leak in
    film = stats_for(film)
    assert film.average_rating == pytest.approx(7.0)
    assert film.rating_count == 3
    assert film.watch_count == 3


def test_stats_take_one_query_whatever_the_number_of_films(django_assert_num_queries):
    members = UserFactory.create_batch(3)
    for film in FilmFactory.create_batch(5):
        for member in members:
            UserFilmFactory(film=film, user=member)
    with django_assert_num_queries(1):
        small = list(Film.objects.with_stats())
    for film in FilmFactory.create_batch(20):
        UserFilmFactory(film=film)
    with django_assert_num_queries(1):
        large = list(Film.objects.with_stats())
    assert len(small) == 5
    assert len(large) == 25
    assert all(f.rating_count == 3 for f in small)


def test_tmdb_id_is_unique_when_set_but_many_films_may_have_none():
    FilmFactory(tmdb_id=603)
    FilmFactory(tmdb_id=None)
    FilmFactory(tmdb_id=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        FilmFactory(tmdb_id=603)
    assert Film.objects.filter(tmdb_id__isnull=True).count() == 2


def test_slug_is_made_from_title_and_year_and_kept_when_the_title_changes():
    film = FilmFactory(title="The Matrix", year=1999)
    assert film.slug == "the-matrix-1999"
    film.title = "The Matrix (Director's Cut)"
    film.save()
    film.refresh_from_db()
    assert film.slug == "the-matrix-1999"


def test_slugs_stay_unique_for_films_with_the_same_title_and_year():
    first = FilmFactory(title="Solaris", year=1972)
    second = FilmFactory(title="Solaris", year=1972)
    assert first.slug != second.slug


def test_year_comes_from_the_release_date():
    film = FilmFactory(year=None, release_date=date(1999, 3, 31))
    assert film.year == 1999
