"""The full JSON export: its shape (the OpenAPI schema's), content and hooks."""

import datetime
import json

import pytest
from drf_spectacular.generators import SchemaGenerator

from accounts.factories import UserFactory
from exports import hooks
from exports.full import member_export_data
from exports.services import full_export_json, letterboxd_export_zip
from films.factories import FilmFactory
from filmtracker.tests.test_api_schema import assert_matches
from reviews.models import UserFilm

from .helpers import add_history, entry, read_zip, viewing

pytestmark = pytest.mark.django_db

FULL_API = "/api/v1/exports/full/"


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.fixture
def member():
    return UserFactory(
        username="anna",
        display_name="Анна",
        bio="Люблю кино.",
        language="ru",
        time_zone="Europe/Moscow",
    )


def test_the_response_matches_the_documented_schema(schema, make_api_client, member):
    add_history(member, films=1)
    film = FilmFactory(tmdb_id=None, year=None, imdb_id="", title="Домашнее видео")
    entry(member, film, status=UserFilm.Status.DROPPED, comment="Скучно.")
    response = make_api_client(member).get(FULL_API)
    assert response.status_code == 200
    assert_matches(schema, FULL_API, "get", response)


def test_anonymous_errors_match_the_schema_too(schema, make_api_client):
    response = make_api_client().get(FULL_API)
    assert_matches(schema, FULL_API, "get", response)


def test_everything_is_there(member):
    film = FilmFactory(
        title="Stalker",
        original_title="Сталкер",
        year=1979,
        tmdb_id=1398,
        imdb_id="tt0079944",
        release_date=datetime.date(1979, 5, 25),
    )
    entry(
        member, film, rating=10, comment="Зона.", watched_on=datetime.date(2024, 1, 2)
    )
    viewing(member, film, datetime.date(2024, 1, 2), rating=10, note="Снова.")
    wanted = FilmFactory(title="Solaris")
    entry(member, wanted, status=UserFilm.Status.WANT)

    data = json.loads(full_export_json(user=member, base_url="https://f.example"))

    assert (data["format"], data["version"], data["lists"]) == (
        "filmtracker-member-export",
        1,
        [],
    )
    assert data["profile"] | {"date_joined": None} == {
        "username": "anna",
        "display_name": "Анна",
        "email": "anna@example.com",
        "bio": "Люблю кино.",
        "language": "ru",
        "time_zone": "Europe/Moscow",
        "date_joined": None,
    }
    stalker = {
        "id": film.pk,
        "tmdb_id": 1398,
        "imdb_id": "tt0079944",
        "title": "Stalker",
        "original_title": "Сталкер",
        "year": 1979,
        "release_date": "1979-05-25",
        "url": f"https://f.example/films/{film.slug}/",
    }
    first = data["entries"][0]
    assert first["film"] == stalker
    assert {k: first[k] for k in ["status", "rating", "stars", "comment"]} == {
        "status": "watched",
        "rating": 10,
        "stars": 5.0,
        "comment": "Зона.",
    }
    assert first["watched_on"] == "2024-01-02"
    assert data["entries"][1]["status"] == "want"
    assert data["entries"][1]["rating"] is None
    assert data["viewings"] == [
        {
            "film": stalker,
            "watched_on": "2024-01-02",
            "rating": 10,
            "stars": 5.0,
            "note": "Снова.",
            "rewatch": False,
            "created_at": data["viewings"][0]["created_at"],
        }
    ]


def test_the_json_is_utf8_not_escaped(member):
    entry(member, FilmFactory(title="Ёлки"), rating=6)
    body = full_export_json(user=member)
    assert "Ёлки".encode() in body


def test_other_apps_add_their_sections_and_files(member):
    """The hook the lists app uses (exports.hooks)."""

    def lists_section(*, user, base_url):
        return [{"name": f"{user.username}'s list", "films": []}]

    def list_files(*, user):
        yield "lists/favourites.csv", [["Letterboxd list export v7"], [], ["=1"]]

    registered = hooks.full_export_sections().get("lists")
    hooks.register_full_export_section("lists", lists_section)
    hooks.register_letterboxd_files(list_files)
    try:
        assert member_export_data(user=member)["lists"] == [
            {"name": "anna's list", "films": []}
        ]
        files = read_zip(letterboxd_export_zip(user=member))
        assert files["lists/favourites.csv"] == (
            "Letterboxd list export v7\r\n\r\n'=1\r\n"
        )
    finally:
        # The lists app's own registration comes back for the other tests.
        hooks._full_export_sections.pop("lists")
        if registered is not None:
            hooks.register_full_export_section("lists", registered)
        hooks._letterboxd_file_builders.remove(list_files)
