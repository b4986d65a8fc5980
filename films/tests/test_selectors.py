from datetime import timedelta

import pytest
from django.utils import timezone

from films.factories import FilmFactory
from films.selectors import film_list_stale, tmdb_search_not_imported
from films.tmdb import TMDBNotConfigured

pytestmark = pytest.mark.django_db


def test_search_leaves_out_films_already_in_the_catalogue(fake_tmdb):
    FilmFactory(tmdb_id=603, title="The Matrix")
    FilmFactory(tmdb_id=605, title="The Matrix Revolutions")
    page = tmdb_search_not_imported(query="matrix")
    assert [m.tmdb_id for m in page.results] == [624860, 604]
    assert page.total_results == 127  # TMDB's own count


def test_search_in_russian_and_by_year(fake_tmdb):
    page = tmdb_search_not_imported(query="Матрица", year=2003, language="ru-RU")
    assert {m.title for m in page.results} == {
        "Матрица: Перезагрузка",
        "Матрица: Революция",
    }


def test_films_not_in_the_demo_catalogue_can_be_found(fake_tmdb):
    for query, title in [("prestige", "The Prestige"), ("arrival", "Arrival")]:
        assert [m.title for m in tmdb_search_not_imported(query=query).results] == [
            title
        ]


def test_search_makes_one_query_whatever_the_results(
    fake_tmdb, django_assert_num_queries
):
    FilmFactory(tmdb_id=603)
    with django_assert_num_queries(1):
        tmdb_search_not_imported(query="matrix")
    with django_assert_num_queries(1):
        tmdb_search_not_imported(query="the")


def test_search_without_credentials_says_tmdb_is_off(settings):
    settings.TMDB_API_TOKEN = settings.TMDB_API_KEY = ""
    with pytest.raises(TMDBNotConfigured):
        tmdb_search_not_imported(query="matrix")


def test_stale_films_oldest_first_skipping_fresh_missing_and_hand_made():
    now = timezone.now()
    never = FilmFactory(tmdb_synced_at=None)
    old = FilmFactory(tmdb_synced_at=now - timedelta(days=200))
    older = FilmFactory(tmdb_synced_at=now - timedelta(days=300))
    FilmFactory(tmdb_synced_at=now - timedelta(days=10))  # fresh
    FilmFactory(tmdb_synced_at=None, tmdb_missing=True)  # gone from TMDB
    FilmFactory(tmdb_synced_at=None, tmdb_id=None)  # entered by hand
    stale = list(film_list_stale(older_than=timedelta(days=150)))
    assert stale == [never, older, old]
    assert len(film_list_stale(older_than=timedelta(days=5))) == 4
