"""The OpenAPI schema: valid, complete, honest (responses match it), and the docs
pages work offline."""

import re
from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from jsonschema import Draft202012Validator

from films.factories import FilmFactory, GenreFactory
from reviews.factories import UserFilmFactory

pytestmark = pytest.mark.django_db

METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def to_json_schema(node):
    """OpenAPI 3.0 schema → JSON Schema: `nullable`, and no undeclared keys."""
    if isinstance(node, list):
        return [to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: to_json_schema(value) for key, value in node.items()}
    if node.get("type") == "object" and "properties" in node:
        node.setdefault("additionalProperties", False)
    if node.pop("nullable", False):
        node = {"anyOf": [node, {"type": "null"}]}
    return node


def validator(schema, fragment):
    document = to_json_schema({**fragment, "components": schema["components"]})
    return Draft202012Validator(
        document, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def response_schema(schema, path, method, status):
    responses = schema["paths"][path][method]["responses"]
    return responses[str(status)]["content"]["application/json"]["schema"]


def assert_matches(schema, path, method, response):
    fragment = response_schema(schema, path, method, response.status_code)
    errors = sorted(validator(schema, fragment).iter_errors(response.json()), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_the_schema_generates_and_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    text = target.read_text()
    assert "openapi: 3.0.3" in text
    assert "/api/v1/films/{id}/reviews/:" in text


def test_the_schema_is_served(client):
    response = client.get(
        "/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json"
    )
    assert response.status_code == 200
    assert "/api/v1/reviews/" in response.json()["paths"]


def test_only_our_api_is_documented(schema):
    assert schema["paths"]
    assert all(path.startswith("/api/v1/") for path in schema["paths"])


def test_every_operation_is_documented(schema):
    problems = []
    for path, method, operation in operations(schema):
        where = f"{method.upper()} {path}"
        responses = operation["responses"]
        if not operation.get("summary"):
            problems.append(f"{where}: no summary")
        if not any(code.startswith("2") for code in responses):
            problems.append(f"{where}: no success response")
        errors = [code for code in responses if code[0] in "45"]
        if not errors:
            problems.append(f"{where}: no error responses")
        for code in errors:
            content = responses[code]["content"]["application/json"]
            if content["schema"] != {"$ref": "#/components/schemas/Error"}:
                problems.append(f"{where}: {code} is not an Error")
        if not any(examples_of(operation)):
            problems.append(f"{where}: no examples")
    assert not problems, problems


def examples_of(operation):
    """(schema, example value) for every example in an operation."""
    bodies = [operation.get("requestBody", {})]
    bodies += operation["responses"].values()
    for body in bodies:
        for content in body.get("content", {}).values():
            for example in content.get("examples", {}).values():
                yield content["schema"], example["value"]


def test_every_example_matches_its_schema(schema):
    problems = []
    for path, method, operation in operations(schema):
        for fragment, value in examples_of(operation):
            for error in validator(schema, fragment).iter_errors(value):
                problems.append(f"{method.upper()} {path}: {error.message}")
    assert not problems, problems


def test_responses_match_the_schema(schema, make_api_client, member):
    film = FilmFactory(with_poster=True)
    film.genres.add(GenreFactory())
    FilmFactory(title="No poster, no year", year=None)
    entry = UserFilmFactory(film=film, comment="Yes.", user__display_name="Ann")
    anonymous, signed_in = make_api_client(), make_api_client(member)
    other_film = FilmFactory()

    checks = [
        ("/api/v1/films/", "get", anonymous.get("/api/v1/films/")),
        ("/api/v1/films/", "get", anonymous.get("/api/v1/films/?ordering=x")),
        ("/api/v1/films/{id}/", "get", anonymous.get(f"/api/v1/films/{film.pk}/")),
        ("/api/v1/films/{id}/", "get", anonymous.get("/api/v1/films/987654/")),
        (
            "/api/v1/films/{id}/reviews/",
            "get",
            anonymous.get(f"/api/v1/films/{film.pk}/reviews/"),
        ),
        (
            "/api/v1/films/autocomplete/",
            "get",
            anonymous.get("/api/v1/films/autocomplete/?q=fil"),
        ),
        ("/api/v1/reviews/", "get", anonymous.get("/api/v1/reviews/")),
        ("/api/v1/reviews/{id}/", "get", anonymous.get(f"/api/v1/reviews/{entry.pk}/")),
        (
            "/api/v1/reviews/",
            "post",
            signed_in.post("/api/v1/reviews/", {"film": other_film.pk, "rating": 4}),
        ),
        (
            "/api/v1/reviews/",
            "post",
            signed_in.post("/api/v1/reviews/", {"film": other_film.pk, "rating": 11}),
        ),
        ("/api/v1/reviews/", "post", anonymous.post("/api/v1/reviews/", {})),
        (
            "/api/v1/reviews/{id}/",
            "patch",
            signed_in.patch(f"/api/v1/reviews/{entry.pk}/", {"rating": 1}),
        ),
        (
            "/api/v1/users/{username}/",
            "get",
            anonymous.get(f"/api/v1/users/{entry.user.username}/"),
        ),
        (
            "/api/v1/users/{username}/films/",
            "get",
            anonymous.get(f"/api/v1/users/{entry.user.username}/films/"),
        ),
        ("/api/v1/users/me/", "get", signed_in.get("/api/v1/users/me/")),
        (
            "/api/v1/users/me/",
            "patch",
            signed_in.patch("/api/v1/users/me/", {"bio": "New."}),
        ),
        (
            "/api/v1/auth/token/",
            "post",
            anonymous.post(
                "/api/v1/auth/token/",
                {"username": member.username, "password": "correct-horse-battery"},
            ),
        ),
    ]
    page = SimpleNamespace(page=1, total_pages=1, total_results=0, results=[])
    with mock.patch("films.api.views.tmdb_search_not_imported", return_value=page):
        checks.append(
            (
                "/api/v1/tmdb/search/",
                "get",
                signed_in.get("/api/v1/tmdb/search/?query=x"),
            )
        )
    statuses = {response.status_code for _, _, response in checks}
    assert statuses == {200, 201, 400, 401, 403, 404}
    for path, method, response in checks:
        assert_matches(schema, path, method, response)


# --- The documentation pages ----------------------------------------------------------


ASSET = re.compile(r'(?:src|href)="([^"]*)"')


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_docs_pages_use_only_local_assets_and_no_inline_code(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "FilmTracker API" in html
    assets = ASSET.findall(html)
    assert assets
    for asset in assets:
        assert asset.startswith("/"), f"{asset} is not on this site"
        assert not asset.startswith("//")
        if asset.startswith("/static/"):
            assert finders.find(asset.removeprefix("/static/")), f"{asset} missing"
    # A strict CSP allows neither inline scripts nor inline styles.
    assert re.search(r"<script(?![^>]*\bsrc=)", html) is None
    assert "<style" not in html
    assert " style=" not in html


def test_swagger_ui_start_up_script_is_served_as_a_file(client):
    html = client.get("/api/docs/").content.decode()
    [script_url] = [a for a in ASSET.findall(html) if a.startswith("/api/")]
    response = client.get(script_url.replace("&amp;", "&"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in response.content.decode()
