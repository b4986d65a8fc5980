"""The public "Add to FilmTracker" button: POST, import, redirect to the film."""

import html
from unittest import mock

import pytest
from django.urls import reverse

from films import tmdb
from films.factories import FilmFactory
from films.models import Film

pytestmark = pytest.mark.django_db

URL = reverse("films:import")
BACK = "/search/?q=matrix"


@pytest.fixture
def matrix():
    return FilmFactory(title="The Matrix", year=1999, tmdb_id=603)


def test_import_redirects_to_the_new_film_page_with_a_message(member_client, matrix):
    with mock.patch(
        "films.views.film_import_from_tmdb", return_value=(matrix, True)
    ) as importer:
        response = member_client.post(URL, {"tmdb_id": "603", "next": BACK})
    importer.assert_called_once_with(tmdb_id=603)
    assert response.status_code == 302
    assert response["Location"] == matrix.get_absolute_url()
    page = member_client.get(response["Location"]).content.decode()
    assert "The Matrix (1999) was added to FilmTracker." in page


def test_importing_twice_says_it_is_already_there(member_client, matrix):
    with mock.patch("films.views.film_import_from_tmdb", return_value=(matrix, False)):
        response = member_client.post(URL, {"tmdb_id": "603"}, follow=True)
    assert "The Matrix (1999) was already on FilmTracker." in response.content.decode()
    assert Film.objects.filter(tmdb_id=603).count() == 1


def test_visitors_are_asked_to_log_in_and_nothing_is_imported(client):
    with mock.patch("films.views.film_import_from_tmdb") as importer:
        response = client.post(URL, {"tmdb_id": "603", "next": BACK})
    importer.assert_not_called()
    assert response.status_code == 302
    login = reverse("account_login")
    assert response["Location"].startswith(f"{login}?next=")
    assert "search" in response["Location"]


def test_unverified_members_are_asked_to_verify_first(client, unverified_member):
    client.force_login(unverified_member)
    with mock.patch("films.views.film_import_from_tmdb") as importer:
        response = client.post(URL, {"tmdb_id": "603", "next": BACK})
    importer.assert_not_called()
    assert response.status_code == 302
    assert response["Location"] == BACK
    with mock.patch("films.tmdb.tmdb_is_configured", return_value=False):
        page = client.get(BACK).content.decode()
    assert "Verify your email address to add films" in page


def test_get_is_not_allowed(member_client):
    with mock.patch("films.views.film_import_from_tmdb") as importer:
        assert member_client.get(URL, {"tmdb_id": 603}).status_code == 405
    importer.assert_not_called()


@pytest.mark.parametrize("value", ["", "abc", "0", "-3"])
def test_bad_tmdb_id_is_refused_without_calling_tmdb(member_client, value):
    with mock.patch("films.views.film_import_from_tmdb") as importer:
        response = member_client.post(URL, {"tmdb_id": value, "next": BACK})
    importer.assert_not_called()
    assert response["Location"] == BACK


@pytest.mark.parametrize(
    "error, text",
    [
        (tmdb.TMDBUnavailable("down"), "TMDB isn't answering right now"),
        (tmdb.TMDBNotFound("gone"), "TMDB doesn't know that film"),
        (tmdb.TMDBNotConfigured("off"), "switched off"),
    ],
)
def test_tmdb_failures_go_back_to_the_search_with_a_message(member_client, error, text):
    with mock.patch("films.views.film_import_from_tmdb", side_effect=error):
        response = member_client.post(URL, {"tmdb_id": "603", "next": BACK})
    assert response.status_code == 302
    assert response["Location"] == BACK
    with mock.patch("films.tmdb.tmdb_is_configured", return_value=False):
        page = member_client.get(BACK).content.decode()
    assert text in html.unescape(page)


def test_next_pointing_elsewhere_is_ignored(member_client):
    with mock.patch(
        "films.views.film_import_from_tmdb", side_effect=tmdb.TMDBUnavailable("x")
    ):
        response = member_client.post(
            URL, {"tmdb_id": "603", "next": "https://evil.example/"}
        )
    assert response["Location"] == reverse("search:search")
