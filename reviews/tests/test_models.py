import pytest
from django.db import IntegrityError, transaction

from films.factories import FilmFactory
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db


def test_one_userfilm_per_member_and_film_is_enforced_by_the_database():
    first = UserFilmFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFilm.objects.create(user=first.user, film=first.film, rating=5)
    assert UserFilm.objects.count() == 1


@pytest.mark.parametrize("rating", [0, 11, 200])
def test_rating_outside_1_to_10_is_refused_by_the_database(rating):
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFilmFactory(rating=rating)
    assert not UserFilm.objects.exists()


@pytest.mark.parametrize("rating", [1, 10, None])
def test_rating_bounds_and_no_rating_are_allowed(rating):
    userfilm = UserFilmFactory(rating=rating)
    assert UserFilm.objects.get(pk=userfilm.pk).rating == rating


def test_a_rating_without_a_status_means_watched(member):
    userfilm = UserFilm.objects.create(user=member, film=FilmFactory(), rating=7)
    assert userfilm.status == UserFilm.Status.WATCHED


def test_stars_are_half_the_stored_rating():
    assert UserFilmFactory(rating=9).stars == 4.5
    assert UserFilmFactory(rating=None).stars is None
