"""The search page and "Add to FilmTracker" against the fake TMDB server.

The other search tests patch the TMDB selector; these run the real client,
selector and import service over loopback (`fake_tmdb`, films/testing/).
"""

import pytest
from django.urls import reverse

from films.factories import FilmFactory
from films.models import Film

pytestmark = pytest.mark.django_db

SEARCH = reverse("search:search")
IMPORT = reverse("films:import")


def tmdb_titles(response):
    return [movie.title for movie in response.context["tmdb_results"].results]


def test_tmdb_results_leave_out_films_already_here(member_client, fake_tmdb):
    FilmFactory(title="The Matrix", year=1999, tmdb_id=603)
    response = member_client.get(SEARCH, {"q": "matrix"})
    assert response.status_code == 200
    assert response.context["tmdb_state"] == "ok"
    assert "The Matrix Reloaded" in tmdb_titles(response)
    assert "The Matrix" not in tmdb_titles(response)
    assert [f.title for f in response.context["page_obj"].object_list] == ["The Matrix"]
    assert 'name="tmdb_id" value="604"' in response.content.decode()


def test_add_to_filmtracker_imports_once_and_opens_the_film(member_client, fake_tmdb):
    first = member_client.post(IMPORT, {"tmdb_id": "604", "next": "/search/?q=m"})
    film = Film.objects.get(tmdb_id=604)
    assert first.status_code == 302
    assert first["Location"] == film.get_absolute_url()
    page = member_client.get(first["Location"]).content.decode()
    assert "The Matrix Reloaded" in page
    assert "was added to FilmTracker" in page

    again = member_client.post(IMPORT, {"tmdb_id": "604"}, follow=True)
    assert "was already on FilmTracker" in again.content.decode()
    assert Film.objects.filter(tmdb_id=604).count() == 1


def test_tmdb_down_keeps_the_local_results(client, fake_tmdb):
    FilmFactory(title="The Matrix", year=1999, tmdb_id=603)
    fake_tmdb.set_mode("unavailable")
    response = client.get(SEARCH, {"q": "matrix"})
    assert response.status_code == 200
    assert response.context["tmdb_state"] == "error"
    assert 'data-testid="tmdb-error"' in response.content.decode()
    assert [f.title for f in response.context["page_obj"].object_list] == ["The Matrix"]


def test_unknown_tmdb_film_is_a_message_not_an_error(member_client, fake_tmdb):
    response = member_client.post(
        IMPORT, {"tmdb_id": "999999999", "next": "/search/?q=x"}, follow=True
    )
    assert response.redirect_chain[0] == ("/search/?q=x", 302)
    assert "TMDB doesn" in response.content.decode()
    assert not Film.objects.filter(tmdb_id=999999999).exists()


def test_editor_imports_from_the_admin(editor_client, fake_tmdb):
    url = reverse("films_tmdb_import")
    listing = editor_client.get(url, {"q": "matrix"}).content.decode()
    assert "The Matrix Revolutions" in listing
    response = editor_client.post(f"{url}?q=matrix", {"tmdb_id": "605"})
    film = Film.objects.get(tmdb_id=605)
    assert response["Location"] == reverse(
        "wagtailsnippets_films_film:edit", args=[film.pk]
    )


def test_russian_visitors_search_tmdb_in_russian(client, fake_tmdb):
    response = client.get("/search/", {"q": "Матрица"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    searches = [r for r in fake_tmdb.requests if r.path.startswith("/3/search/movie")]
    assert searches and searches[-1].params["language"] == "ru-RU"
    assert "Матрица" in response.content.decode()
