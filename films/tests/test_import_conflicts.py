"""A film our database refuses is reported, never a 500: API, site and admin.

Runs the real service against the fake TMDB; the clash is forced where the
film's rows are written (any IntegrityError or DataError there is the kind).
"""

import pytest
from django.contrib.messages import get_messages
from django.db import DataError, IntegrityError
from django.urls import reverse

from films import film_import
from films.factories import GenreFactory
from films.models import Film

pytestmark = pytest.mark.django_db
MESSAGE = "This film could not be saved: it clashes with data already here."


@pytest.fixture(params=[IntegrityError, DataError])
def clash(request, fake_tmdb, monkeypatch):
    def refuse(*args, **kwargs):
        raise request.param("refused by the database")

    monkeypatch.setattr(film_import, "film_credits_replace", refuse)


def test_the_api_answers_409(make_api_client, member, clash):
    response = make_api_client(member).post("/api/v1/films/import/", {"tmdb_id": 603})

    assert response.status_code == 409
    assert response.json()["code"] == "import_failed"
    assert response.json()["detail"] == MESSAGE
    assert not Film.objects.exists()


def test_the_site_says_so(member_client, clash):
    response = member_client.post(
        reverse("films:import"), {"tmdb_id": "603", "next": "/search/?q=matrix"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/search/?q=matrix"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [MESSAGE]
    assert not Film.objects.exists()


def test_the_admin_says_so(editor_client, clash):
    url = reverse("films_tmdb_import")
    response = editor_client.post(f"{url}?q=matrix", {"tmdb_id": "603"})

    assert response.status_code == 302
    assert [str(m).strip() for m in get_messages(response.wsgi_request)] == [MESSAGE]
    assert not Film.objects.exists()


def test_an_editors_genre_with_tmdbs_slug_imports_through_the_api(
    make_api_client, member, fake_tmdb
):
    noir = GenreFactory(name="Film Noir", slug="film-noir", tmdb_id=None)
    fake_tmdb.set_movie(603, genres=[{"id": 99001, "name": "Film-Noir"}])

    response = make_api_client(member).post("/api/v1/films/import/", {"tmdb_id": 603})

    assert response.status_code == 201
    assert Film.objects.get(tmdb_id=603).genres.get() == noir
