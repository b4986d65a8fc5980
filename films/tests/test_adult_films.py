"""Films TMDB flags `adult` are refused everywhere a film can be imported."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from films.models import Film
from films.selectors import tmdb_search_not_imported
from films.services import AdultFilmRefused, film_import_from_tmdb

pytestmark = pytest.mark.django_db

REFUSED = "FilmTracker does not list adult films, so this one cannot be added."


@pytest.fixture
def adult(fake_tmdb):
    fake_tmdb.set_movie(603, adult=True)
    return 603


def test_the_service_refuses_and_saves_nothing(adult):
    with pytest.raises(AdultFilmRefused):
        film_import_from_tmdb(tmdb_id=adult)
    assert not Film.objects.exists()


def test_the_site_says_why(member_client, adult):
    response = member_client.post(
        reverse("films:import"), {"tmdb_id": str(adult)}, follow=True
    )
    assert REFUSED in response.content.decode()
    assert not Film.objects.exists()


def test_the_api_answers_400_on_the_id(member, adult):
    client = APIClient()
    client.force_authenticate(member)
    response = client.post("/api/v1/films/import/", {"tmdb_id": adult}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {"tmdb_id": [REFUSED]}
    assert not Film.objects.exists()


def test_the_admin_says_why(editor_client, adult):
    response = editor_client.post(
        reverse("films_tmdb_import"), {"tmdb_id": str(adult)}, follow=True
    )
    assert REFUSED in response.content.decode()
    assert not Film.objects.exists()


def test_search_results_leave_them_out(adult):
    found = tmdb_search_not_imported(query="Matrix")
    assert adult not in [movie.tmdb_id for movie in found.results]
    assert found.results  # the other Matrix films still show


def test_films_not_flagged_still_import(fake_tmdb):
    film, created = film_import_from_tmdb(tmdb_id=603)
    assert created
