from datetime import date

import pytest
from django.db import IntegrityError, transaction

from films.factories import FilmFactory
from films.models import Film

pytestmark = pytest.mark.django_db


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
