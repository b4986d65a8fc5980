"""Cached film data goes stale exactly when something it shows changes."""

import pytest

from accounts.factories import UserFactory
from films.factories import FilmFactory, GenreFactory
from reviews.models import UserFilm
from reviews.services import review_delete, review_upsert

pytestmark = pytest.mark.django_db


def _detail(client, film):
    response = client.get(f"/api/v1/films/{film.pk}/")
    assert response.status_code == 200
    return response.json()


def test_film_detail_is_served_from_cache(api_client, django_assert_num_queries):
    film = FilmFactory()
    _detail(api_client, film)
    with django_assert_num_queries(0):
        assert _detail(api_client, film)["id"] == film.pk


def test_saving_a_rating_updates_the_cached_average(api_client):
    film, other = FilmFactory(), FilmFactory()
    anna, boris = UserFactory(), UserFactory()
    review_upsert(user=anna, film=film, rating=4)
    assert _detail(api_client, film)["average_rating"] == 4.0
    other_before = _detail(api_client, other)

    review_upsert(user=boris, film=film, rating=10)  # new rating
    assert _detail(api_client, film)["average_rating"] == 7.0
    review_upsert(user=boris, film=film, rating=6)  # changed rating
    assert _detail(api_client, film)["average_rating"] == 5.0
    assert review_delete(user=anna, film=film)  # deleted rating
    detail = _detail(api_client, film)
    assert (detail["average_rating"], detail["rating_count"]) == (6.0, 1)
    # Only that film's entry went: the other one is still a cache hit.
    assert _detail(api_client, other) == other_before


def test_other_films_stay_cached_after_a_rating(api_client, django_assert_num_queries):
    film, other = FilmFactory(), FilmFactory()
    _detail(api_client, other)
    review_upsert(user=UserFactory(), film=film, rating=8)
    with django_assert_num_queries(0):
        _detail(api_client, other)


def test_editor_changes_and_imports_reach_the_cached_list(api_client):
    film = FilmFactory(title="Alpha")
    first = api_client.get("/api/v1/films/").json()
    assert [f["title"] for f in first["results"]] == ["Alpha"]

    film.title = "Alpha (restored)"
    film.save()  # an editor's change in the admin is a plain save
    film.genres.add(GenreFactory(name="Drama"))
    FilmFactory(title="Beta")  # an import creates a Film like this
    results = api_client.get("/api/v1/films/").json()["results"]
    assert [f["title"] for f in results] == ["Alpha (restored)", "Beta"]
    assert [g["name"] for g in results[0]["genres"]] == ["Drama"]


def test_bulk_rows_without_signals_are_the_documented_exception(api_client):
    film = FilmFactory()
    _detail(api_client, film)
    UserFilm.objects.bulk_create([UserFilm(user=UserFactory(), film=film, rating=9)])
    # bulk_create sends no signal; code using it must call films_changed.
    from films.cache import films_changed

    films_changed(film_ids=[film.pk])
    assert _detail(api_client, film)["average_rating"] == 9.0
