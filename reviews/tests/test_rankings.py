import pytest
from django.core.cache import cache

from accounts.factories import UserFactory
from films.factories import FilmFactory
from films.models import Film
from reviews.factories import UserFilmFactory
from reviews.rankings import film_top_rated_ids, in_order
from reviews.selectors import (
    RANKING_MIN_RATINGS,
    RANKING_PRIOR_MEAN,
    RANKING_PRIOR_WEIGHT,
    with_member_numbers,
)
from reviews.services import review_upsert

pytestmark = pytest.mark.django_db


def rate(film, *ratings):
    for rating in ratings:
        UserFilmFactory(film=film, rating=rating)


def test_top_rated_order_and_fresh_numbers():
    cache.clear()
    good, better, unrated = FilmFactory(), FilmFactory(), FilmFactory()
    members = UserFactory.create_batch(RANKING_MIN_RATINGS)
    for member in members:
        review_upsert(user=member, film=good, rating=6)
        review_upsert(user=member, film=better, rating=9)
    ids = film_top_rated_ids(limit=12)
    assert ids == [better.pk, good.pk]  # unrated films are not ranked
    assert unrated.pk not in ids

    review_upsert(user=members[0], film=good, rating=3)
    # The ranking may lag (cached), the average shown with it does not.
    films = in_order(with_member_numbers(Film.objects.filter(pk__in=ids)), ids)
    assert [f.average_rating for f in films] == [9, 5]


def test_one_perfect_rating_does_not_beat_forty_very_good_ones():
    cache.clear()
    lucky, loved = FilmFactory(), FilmFactory()
    rate(lucky, 10)
    rate(loved, *[9] * 40)
    assert film_top_rated_ids(limit=12) == [loved.pk]  # too few ratings to rank


def test_the_damped_average_weighs_many_ratings_above_a_few_perfect_ones():
    cache.clear()
    few, many = FilmFactory(), FilmFactory()
    rate(few, *[10] * RANKING_MIN_RATINGS)
    rate(many, *[9] * 40)
    assert film_top_rated_ids(limit=12) == [many.pk, few.pk]

    scored = with_member_numbers(Film.objects.all()).in_bulk([few.pk, many.pk])
    prior = RANKING_PRIOR_WEIGHT * RANKING_PRIOR_MEAN
    n = RANKING_MIN_RATINGS
    expected = (prior + 10 * n) / (RANKING_PRIOR_WEIGHT + n)
    assert scored[few.pk].ranking_score == pytest.approx(expected)
    assert scored[many.pk].ranking_score == pytest.approx(
        (prior + 9 * 40) / (RANKING_PRIOR_WEIGHT + 40)
    )


def test_films_under_the_minimum_have_no_ranking_score():
    film = FilmFactory()
    rate(film, *[10] * (RANKING_MIN_RATINGS - 1))
    scored = with_member_numbers(Film.objects.filter(pk=film.pk)).get()
    assert scored.ranking_score is None
    assert scored.average_rating == 10  # the plain average is still shown
