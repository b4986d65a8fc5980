import pytest

from accounts.factories import UserFactory
from films.factories import FilmFactory
from films.models import Film
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm
from reviews.selectors import with_member_numbers

pytestmark = pytest.mark.django_db


def stats_for(film):
    return with_member_numbers(Film.objects.all()).get(pk=film.pk)


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
        small = list(with_member_numbers(Film.objects.all()))
    for film in FilmFactory.create_batch(20):
        UserFilmFactory(film=film)
    with django_assert_num_queries(1):
        large = list(with_member_numbers(Film.objects.all()))
    assert len(small) == 5
    assert len(large) == 25
    assert all(f.rating_count == 3 for f in small)
