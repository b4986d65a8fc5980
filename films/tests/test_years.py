"""One range of film years for the search form, the API and the admin."""

import pytest

from films.admin_views import TMDBSearchForm
from films.api.serializers import FilmListQuerySerializer, TMDBSearchQuerySerializer
from films.years import FILM_YEAR_MAX, FILM_YEAR_MIN
from search.forms import SearchForm

pytestmark = pytest.mark.django_db


def accepts(year):
    return [
        SearchForm({"year": year}).is_valid(),
        TMDBSearchForm({"q": "x", "year": year}).is_valid(),
        FilmListQuerySerializer(data={"year": year}).is_valid(),
        TMDBSearchQuerySerializer(data={"query": "x", "year": year}).is_valid(),
    ]


def test_every_year_field_takes_the_same_range():
    assert accepts(FILM_YEAR_MIN) == [True] * 4
    assert accepts(FILM_YEAR_MAX) == [True] * 4
    assert accepts(FILM_YEAR_MIN - 1) == [False] * 4
    assert accepts(FILM_YEAR_MAX + 1) == [False] * 4


def test_every_year_field_takes_the_far_future_years_tmdb_lists():
    # TMDB dates announced projects far ahead ("100 Years" is dated 2115).
    assert accepts(2115) == [True] * 4
