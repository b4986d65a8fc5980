"""Request bodies: exact JSON types, bounded nesting and size, never a 500."""

import json

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from films.factories import FilmFactory
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(member):
    client = APIClient()
    client.force_authenticate(member)
    return client


@pytest.fixture
def review(member):
    return UserFilmFactory(user=member, rating=6, comment="Kept.")


def json_endpoints(review):
    """Every API operation that reads a JSON body."""
    return [
        ("post", "/api/v1/auth/token/"),
        ("post", "/api/v1/auth/token/refresh/"),
        ("post", "/api/v1/auth/logout/"),
        ("post", "/api/v1/reviews/"),
        ("put", f"/api/v1/reviews/{review.pk}/"),
        ("patch", f"/api/v1/reviews/{review.pk}/"),
        ("patch", "/api/v1/users/me/"),
        ("post", "/api/v1/films/import/"),
    ]


def send(client, method, url, body):
    return getattr(client, method)(url, data=body, content_type="application/json")


@pytest.mark.parametrize("index", range(8))
def test_deeply_nested_json_is_a_400_on_every_endpoint(client, review, index):
    method, url = json_endpoints(review)[index]
    for depth in (40, 1_000, 100_000):
        response = send(client, method, url, "[" * depth + "]" * depth)
        assert response.status_code == 400, (url, depth)
        assert response.json()["code"] == "parse_error"


@pytest.mark.parametrize("index", range(8))
def test_a_body_over_the_size_limit_is_a_json_413(client, review, index):
    method, url = json_endpoints(review)[index]
    size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    body = json.dumps({"comment": "x" * size})
    response = send(client, method, url, body)
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"
    assert str(size) in response.json()["detail"]


def test_nesting_within_the_limit_still_parses(client, review):
    response = send(client, "patch", f"/api/v1/reviews/{review.pk}/", '{"a": [[[]]]}')
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("film", "1e400"),
        ("film", "1.5"),
        ("film", "1.0"),
        ("film", '"1"'),
        ("film", "true"),
        ("film", "10000000000000000000000000"),
        ("rating", "7.0"),
        ("rating", '"7"'),
        ("rating", "true"),
        ("rating", "1e400"),
        ("comment", "0"),
        ("comment", "1.5"),
        ("comment", "false"),
        ("comment", "[]"),
        ("status", "0"),
        ("watched_on", "20240101"),
    ],
)
def test_review_fields_take_their_own_json_type_only(client, field, value):
    film = FilmFactory(pk=1)
    body = {"film": film.pk, field: "__value__"}
    raw = json.dumps(body).replace('"__value__"', value)
    response = send(client, "post", "/api/v1/reviews/", raw)
    assert response.status_code == 400, response.content
    assert list(response.json()["errors"]) == [field]
    assert not UserFilm.objects.exists()


@pytest.mark.parametrize(
    ("method", "url", "field", "value"),
    [
        ("patch", "review", "comment", 0),
        ("patch", "review", "rating", 6.0),
        ("put", "review", "comment", 12),
        ("patch", "/api/v1/users/me/", "display_name", 0),
        ("patch", "/api/v1/users/me/", "bio", 1.5),
        ("post", "/api/v1/films/import/", "tmdb_id", 603.5),
        ("post", "/api/v1/films/import/", "tmdb_id", "603"),
        ("post", "/api/v1/auth/token/", "username", 0),
        ("post", "/api/v1/auth/token/", "password", 0),
        ("post", "/api/v1/auth/token/refresh/", "refresh", 0),
        ("post", "/api/v1/auth/logout/", "refresh", 0),
    ],
)
def test_every_body_field_takes_its_own_json_type_only(
    client, review, member, method, url, field, value
):
    if url == "review":
        url = f"/api/v1/reviews/{review.pk}/"
    body = {"username": member.username, "password": "x", field: value}
    response = getattr(client, method)(url, body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    review.refresh_from_db()
    assert (review.rating, review.comment) == (6, "Kept.")
