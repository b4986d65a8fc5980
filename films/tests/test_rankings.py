import pytest
from django.core.cache import cache

from accounts.factories import UserFactory
from films.factories import FilmFactory
from films.models import Film
from films.rankings import film_top_rated_ids, in_order
from reviews.services import review_upsert

pytestmark = pytest.mark.django_db


def test_top_rated_order_and_fresh_numbers():
    cache.clear()
    good, better, unrated = FilmFactory(), FilmFactory(), FilmFactory()
    anna, boris = UserFactory(), UserFactory()
    review_upsert(user=anna, film=good, rating=6)
    review_upsert(user=anna, film=better, rating=9)
    review_upsert(user=boris, film=better, rating=9)
    ids = film_top_rated_ids(limit=12)
    assert ids == [better.pk, good.pk]  # unrated films are not ranked
    assert unrated.pk not in ids

    review_upsert(user=boris, film=good, rating=2)
    # The ranking may lag (cached), the average shown with it does not.
    films = in_order(Film.objects.with_stats().filter(pk__in=ids), ids)
    assert [f.average_rating for f in films] == [9, 4]
