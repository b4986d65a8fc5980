"""Editors' "Add from TMDB" inside the Wagtail admin."""

import html
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts.factories import UserFactory
from films import tmdb
from films.factories import FilmFactory
from films.tests.doubles import tmdb_movie, tmdb_page

pytestmark = pytest.mark.django_db

URL = reverse("films_tmdb_import")
FILM_LIST = reverse("wagtailsnippets_films_film:list")


@pytest.fixture
def tmdb_on():
    with mock.patch("films.tmdb.tmdb_is_configured", return_value=True):
        yield


@pytest.fixture
def admin_without_add_film(client):
    """May open the admin, but not add films."""
    user = UserFactory()
    group = Group.objects.create(name="Catalogue checkers")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
        Permission.objects.get(content_type__app_label="films", codename="change_film"),
    )
    user.groups.add(group)
    client.force_login(user)
    return client


def test_film_listing_has_an_add_from_tmdb_button_for_editors(editor_client):
    page = editor_client.get(FILM_LIST).content.decode()
    assert f'href="{URL}"' in page
    assert "Add from TMDB" in page


def test_button_is_hidden_from_those_who_may_not_add_films(admin_without_add_film):
    page = admin_without_add_film.get(FILM_LIST).content.decode()
    assert f'href="{URL}"' not in page


def test_view_is_refused_without_add_film(admin_without_add_film):
    with mock.patch("films.admin_views.film_import_from_tmdb") as importer:
        get = admin_without_add_film.get(URL)
        post = admin_without_add_film.post(URL, {"tmdb_id": "603"})
    importer.assert_not_called()
    assert get.status_code == 302 and get["Location"] == reverse("wagtailadmin_home")
    assert post.status_code == 302 and post["Location"] == reverse("wagtailadmin_home")


def test_view_is_refused_to_members_and_visitors(member_client, client):
    assert member_client.get(URL).status_code in (302, 403)
    member_client.logout()
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_editor_searches_tmdb_and_sees_results(editor_client, tmdb_on):
    found = tmdb_page(tmdb_movie(603, "The Matrix", 1999))
    with mock.patch(
        "films.admin_views.tmdb_search_not_imported", return_value=found
    ) as search_tmdb:
        response = editor_client.get(URL, {"q": "matrix", "year": "1999"})
    search_tmdb.assert_called_once_with(query="matrix", year=1999, language="en-US")
    page = response.content.decode()
    assert response.status_code == 200
    assert "The Matrix" in page
    assert 'name="tmdb_id" value="603"' in page


def test_tmdb_error_in_the_admin_is_a_friendly_message(editor_client, tmdb_on):
    with mock.patch(
        "films.admin_views.tmdb_search_not_imported",
        side_effect=tmdb.TMDBUnavailable("Service unavailable"),
    ):
        response = editor_client.get(URL, {"q": "matrix"})
    assert response.status_code == 200
    assert "TMDB isn't answering right now" in html.unescape(response.content.decode())


def test_not_configured_is_explained(editor_client):
    with mock.patch("films.tmdb.tmdb_is_configured", return_value=False):
        page = editor_client.get(URL, {"q": "matrix"}).content.decode()
    assert "TMDB is not configured" in page


def test_editor_imports_a_film_and_lands_on_its_edit_view(editor_client, tmdb_on):
    film = FilmFactory(title="The Matrix", year=1999, tmdb_id=603)
    with mock.patch(
        "films.admin_views.film_import_from_tmdb", return_value=(film, True)
    ) as importer:
        response = editor_client.post(f"{URL}?q=matrix", {"tmdb_id": "603"})
    importer.assert_called_once_with(tmdb_id=603)
    edit_url = reverse("wagtailsnippets_films_film:edit", args=[film.pk])
    assert response.status_code == 302
    assert response["Location"] == edit_url
    page = editor_client.get(edit_url).content.decode()
    assert "was imported from TMDB" in page


def test_failed_import_goes_back_to_the_search(editor_client, tmdb_on):
    with mock.patch(
        "films.admin_views.film_import_from_tmdb",
        side_effect=tmdb.TMDBNotFound("The resource could not be found."),
    ):
        response = editor_client.post(f"{URL}?q=matrix", {"tmdb_id": "603"})
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?q=matrix"


def test_russian_editor_sees_tmdb_in_russian_with_overviews(editor_client, tmdb_on):
    found = tmdb_page(
        tmdb_movie(603, "Матрица", 1999, overview="Хакер узнаёт правду о мире.")
    )
    with mock.patch(
        "films.admin_views.tmdb_search_not_imported", return_value=found
    ) as search_tmdb:
        response = editor_client.get(URL, {"q": "matrix"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert search_tmdb.call_args.kwargs["language"] == "ru-RU"
    page = response.content.decode()
    assert "Хакер узнаёт правду о мире." in page
