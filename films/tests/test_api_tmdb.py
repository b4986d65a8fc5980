"""Importing from TMDB and searching it through the API.

The TMDB client and import service are mocked at the names the API view
imports, so these tests pin the API's behaviour (permissions, status codes,
error mapping); the TMDB branch tests the service itself.
"""

from datetime import date
from types import SimpleNamespace
from unittest import mock

import pytest

from films import tmdb
from films.factories import FilmFactory
from films.models import Film

pytestmark = pytest.mark.django_db

IMPORT = "/api/v1/films/import/"
SEARCH = "/api/v1/tmdb/search/"


def fake_import(*, tmdb_id, language="en-US"):
    """Behaves like film_import_from_tmdb: idempotent on tmdb_id."""
    return Film.objects.get_or_create(
        tmdb_id=tmdb_id, defaults={"title": f"TMDB film {tmdb_id}", "year": 1999}
    )


@pytest.fixture
def import_service():
    with mock.patch(
        "films.api.views.film_import_from_tmdb", side_effect=fake_import
    ) as service:
        yield service


def test_import_creates_the_film_once_then_returns_it(
    make_api_client, member, import_service
):
    client = make_api_client(member)

    first = client.post(IMPORT, {"tmdb_id": 603})
    assert first.status_code == 201
    film = Film.objects.get(tmdb_id=603)
    assert first.json()["id"] == film.pk
    assert first.json()["tmdb_id"] == 603
    assert first.json()["rating_count"] == 0
    assert first.json()["cast"] == []
    assert first["Location"] == f"http://testserver/api/v1/films/{film.pk}/"

    again = client.post(IMPORT, {"tmdb_id": 603})
    assert again.status_code == 200
    assert again.json() == first.json()
    assert Film.objects.filter(tmdb_id=603).count() == 1
    assert import_service.call_args_list == [
        mock.call(tmdb_id=603),
        mock.call(tmdb_id=603),
    ]


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 401), ("unverified", 403), ("member", 201), ("staff", 201)],
)
def test_import_needs_a_verified_member(
    make_api_client, unverified_member, member, editor, import_service, who, status
):
    user = {"anonymous": None, "unverified": unverified_member, "member": member}
    client = make_api_client(user.get(who, editor))
    response = client.post(IMPORT, {"tmdb_id": 603})
    assert response.status_code == status
    assert Film.objects.filter(tmdb_id=603).exists() == (status == 201)
    if status == 403:
        assert "Verify your email address" in response.json()["detail"]


@pytest.mark.parametrize("body", [{}, {"tmdb_id": 0}, {"tmdb_id": "six"}])
def test_import_validates_the_tmdb_id(make_api_client, member, import_service, body):
    response = make_api_client(member).post(IMPORT, body)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["tmdb_id"]
    import_service.assert_not_called()


def test_importing_an_id_tmdb_does_not_know_is_a_400(make_api_client, member):
    with mock.patch(
        "films.api.views.film_import_from_tmdb",
        side_effect=tmdb.TMDBNotFound("not found", status_code=34, http_status=404),
    ):
        response = make_api_client(member).post(IMPORT, {"tmdb_id": 999999999})
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "tmdb_id": ["TMDB has no film with id 999999999."]
    }


TMDB_FAILURES = [
    (tmdb.TMDBTimeout, 504, "tmdb_timeout"),
    (tmdb.TMDBRateLimited, 503, "tmdb_rate_limited"),
    (tmdb.TMDBUnavailable, 503, "tmdb_unavailable"),
    (tmdb.TMDBNotConfigured, 503, "tmdb_not_configured"),
    (tmdb.TMDBAuthError, 502, "tmdb_auth_failed"),
    (tmdb.TMDBBadResponse, 502, "tmdb_bad_response"),
]


@pytest.mark.parametrize(("error", "status", "code"), TMDB_FAILURES)
def test_tmdb_failures_during_import_are_gateway_errors_not_500s(
    make_api_client, member, error, status, code
):
    with mock.patch("films.api.views.film_import_from_tmdb", side_effect=error("boom")):
        response = make_api_client(member).post(IMPORT, {"tmdb_id": 603})
    assert response.status_code == status
    body = response.json()
    assert body["code"] == code
    assert "TMDB" in body["detail"]
    assert "boom" not in body["detail"]  # internals stay in the log
    assert not Film.objects.exists()


# --- TMDB search ----------------------------------------------------------------


def summary(tmdb_id, title, year):
    return SimpleNamespace(
        tmdb_id=tmdb_id,
        title=title,
        original_title=title,
        release_date=date(year, 5, 15),
        year=year,
        overview="An overview.",
        poster_path=f"/{tmdb_id}.jpg",
        vote_average=7.1,
        vote_count=100,
        popularity=12.5,
        genre_ids=[28, 878],
    )


def search_page(*results, page=1):
    return SimpleNamespace(
        page=page, total_pages=3, total_results=41, results=list(results)
    )


def test_tmdb_search_returns_the_page_of_films_not_yet_imported(
    make_api_client, member
):
    page = search_page(summary(604, "The Matrix Reloaded", 2003), page=2)
    with mock.patch(
        "films.api.views.tmdb_search_not_imported", return_value=page
    ) as search:
        response = make_api_client(member).get(
            SEARCH, {"query": " matrix ", "year": 2003, "page": 2}
        )
    assert response.status_code == 200
    search.assert_called_once_with(query="matrix", year=2003, page=2, language="en-US")
    assert response.json() == {
        "page": 2,
        "total_pages": 3,
        "total_results": 41,
        "results": [
            {
                "tmdb_id": 604,
                "title": "The Matrix Reloaded",
                "original_title": "The Matrix Reloaded",
                "release_date": "2003-05-15",
                "year": 2003,
                "overview": "An overview.",
                "poster_path": "/604.jpg",
                "vote_average": 7.1,
                "vote_count": 100,
                "popularity": 12.5,
                "genre_ids": [28, 878],
            }
        ],
    }


def test_tmdb_search_defaults_to_the_first_page(make_api_client, member):
    with mock.patch(
        "films.api.views.tmdb_search_not_imported", return_value=search_page()
    ) as search:
        make_api_client(member).get(SEARCH, {"query": "heat"})
    search.assert_called_once_with(query="heat", year=None, page=1, language="en-US")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "query"),
        ({"query": "  "}, "query"),
        ({"query": "heat", "page": 0}, "page"),
        ({"query": "heat", "page": 501}, "page"),
        ({"query": "heat", "year": "soon"}, "year"),
    ],
)
def test_tmdb_search_validates_its_parameters(make_api_client, member, params, field):
    with mock.patch("films.api.views.tmdb_search_not_imported") as search:
        response = make_api_client(member).get(SEARCH, params)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    search.assert_not_called()


@pytest.mark.parametrize(("who", "status"), [("anonymous", 401), ("unverified", 403)])
def test_tmdb_search_needs_a_verified_member(
    make_api_client, unverified_member, who, status
):
    user = unverified_member if who == "unverified" else None
    with mock.patch("films.api.views.tmdb_search_not_imported") as search:
        response = make_api_client(user).get(SEARCH, {"query": "heat"})
    assert response.status_code == status
    search.assert_not_called()


@pytest.mark.parametrize(("error", "status", "code"), TMDB_FAILURES)
def test_tmdb_search_failures_are_gateway_errors(
    make_api_client, member, error, status, code
):
    with mock.patch(
        "films.api.views.tmdb_search_not_imported", side_effect=error("boom")
    ):
        response = make_api_client(member).get(SEARCH, {"query": "heat"})
    assert response.status_code == status
    assert response.json()["code"] == code


def test_search_and_import_against_the_fake_tmdb_server(
    request, make_api_client, member
):
    """End to end through the real client and service, once the TMDB branch lands."""
    try:
        request.getfixturevalue("fake_tmdb")
    except pytest.FixtureLookupError:
        pytest.skip("the fake TMDB server (films.testing) is not here yet")
    client = make_api_client(member)
    FilmFactory(title="Not from TMDB", tmdb_id=None)

    found = client.get(SEARCH, {"query": "The Matrix"})
    assert found.status_code == 200
    assert 603 in [film["tmdb_id"] for film in found.json()["results"]]

    created = client.post(IMPORT, {"tmdb_id": 603})
    assert created.status_code == 201
    assert created.json()["title"] == "The Matrix"
    assert client.post(IMPORT, {"tmdb_id": 603}).status_code == 200
    assert Film.objects.filter(tmdb_id=603).count() == 1

    again = client.get(SEARCH, {"query": "The Matrix"})
    assert 603 not in [film["tmdb_id"] for film in again.json()["results"]]
