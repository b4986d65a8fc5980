"""The benchmark's bulk build fits the current schema (COPY names every column)."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from bench.dataset import build_catalogue
from bench.tests.test_dataset import SMALL
from films.models import Film
from reviews.models import UserFilm, Viewing
from reviews.selectors import with_member_numbers

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_small_catalogue_builds_into_the_migrated_schema():
    # A model field added without a default breaks COPY, as User.language once did.
    if connection.vendor != "postgresql":
        pytest.skip("the benchmark's COPY build is PostgreSQL-only")
    build_catalogue(seed=7, sizes=SMALL, log=lambda _line: None)
    assert Film.objects.count() == SMALL.films
    assert get_user_model().objects.filter(is_active=True).count() == SMALL.members
    assert UserFilm.objects.count() == SMALL.ratings
    assert Viewing.objects.count() == SMALL.viewings
    assert with_member_numbers(Film.objects.all()).filter(rating_count__gt=0).exists()
