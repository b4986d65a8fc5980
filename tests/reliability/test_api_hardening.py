"""What the API fuzzer found, pinned down as plain tests (one per finding).

The fuzzer draws its requests at random; these make sure each fixed bug stays
fixed whatever it draws next time.
"""

import pytest
from django.test import Client, override_settings
from django.urls import path

from films.factories import FilmFactory
from filmtracker.urls import urlpatterns as site_urlpatterns
from reviews.factories import UserFilmFactory

pytestmark = pytest.mark.django_db

FILMS = "/api/v1/films/"
REVIEWS = "/api/v1/reviews/"


def assert_json_error(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == code


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/films/abc/",  # ids are digits: no route at all
        "/api/v1/reviews/%C2%A0/",
        "/api/v1/users/a%0Ab/",  # a newline in the path
        "/api/v1/nothing-here/",
        "/api/",
    ],
)
def test_unknown_api_addresses_are_json_404s_not_site_pages(api_client, url):
    assert_json_error(api_client.get(url), 404, "not_found")


def test_a_post_to_an_unknown_api_address_is_a_404_not_a_csrf_page():
    client = Client(enforce_csrf_checks=True)
    assert_json_error(client.post("/api/v1/nothing-here/"), 404, "not_found")


def test_a_missing_trailing_slash_is_still_redirected(api_client):
    response = api_client.get("/api/v1/films")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/films/"


def crash(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("api/v1/crash/", crash),
    path("crash/", crash),
    *site_urlpatterns,
]
handler500 = "filmtracker.views.server_error"


@override_settings(ROOT_URLCONF=__name__)
def test_a_crash_under_api_is_a_json_500_and_elsewhere_the_html_page():
    client = Client(raise_request_exception=False)
    assert_json_error(client.get("/api/v1/crash/"), 500, "server_error")
    page = client.get("/crash/")
    assert page.status_code == 500
    assert "Something went wrong" in page.content.decode()


@pytest.mark.parametrize("text", ['"', 'a"b', '"The Matrix', 'x"""y'])
def test_double_quotes_in_searches_are_no_sql_error(api_client, text):
    FilmFactory(title="The Matrix")
    assert api_client.get(FILMS, {"q": text}).status_code == 200
    assert api_client.get(FILMS + "autocomplete/", {"q": text}).status_code == 200
    assert api_client.get("/search/", {"q": text}).status_code == 200


def test_a_quoted_title_still_finds_the_film(api_client):
    FilmFactory(title="The Matrix")
    titles = [
        f["title"] for f in api_client.get(FILMS, {"q": '"matrix"'}).json()["results"]
    ]
    assert titles == ["The Matrix"]


@pytest.mark.parametrize("film", ["1" * 30, "0", "-1", "1.5"])
def test_a_film_filter_that_cannot_be_an_id_is_a_400(api_client, film):
    response = api_client.get(REVIEWS, {"film": film})
    assert_json_error(response, 400, "invalid")
    assert "film" in response.json()["errors"]


def test_a_tmdb_id_past_the_column_is_refused(make_api_client, member):
    response = make_api_client(member).post(
        FILMS + "import/", {"tmdb_id": 2**31}, format="json"
    )
    assert_json_error(response, 400, "invalid")
    assert "tmdb_id" in response.json()["errors"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page_size": "-2.5"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "ten"}, "page_size"),
        ({"page_size": "٣"}, "page_size"),  # an Arabic-Indic digit
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": "-1"}, "page"),
        ({"page": "1.0"}, "page"),
        ({"year": ""}, "year"),
        ({"ordering": ""}, "ordering"),
        ({"genre": ""}, "genre"),
    ],
)
def test_invalid_list_parameters_are_400s_that_name_the_parameter(
    api_client, params, field
):
    response = api_client.get(FILMS, params)
    assert_json_error(response, 400, "invalid")
    assert list(response.json()["errors"]) == [field]


@pytest.mark.parametrize("page", ["2", "999999999", "9" * 40])
def test_a_page_past_the_end_is_a_404(api_client, page):
    FilmFactory()
    assert_json_error(api_client.get(FILMS, {"page": page}), 404, "not_found")


def test_valid_pagination_still_works(api_client):
    FilmFactory.create_batch(3)
    body = api_client.get(FILMS, {"page": "last", "page_size": "2"}).json()
    assert len(body["results"]) == 1


@pytest.mark.parametrize("url", [REVIEWS, "/api/v1/films/{film}/reviews/"])
def test_an_empty_status_filter_is_a_400_not_every_entry(api_client, url):
    review = UserFilmFactory()
    response = api_client.get(url.format(film=review.film_id), {"status": ""})
    assert_json_error(response, 400, "invalid")
    assert list(response.json()["errors"]) == ["status"]


def test_a_comment_over_the_limit_is_refused_even_with_a_leading_space(
    make_api_client, member
):
    review = UserFilmFactory(user=member, comment="Kept.")
    response = make_api_client(member).patch(
        f"{REVIEWS}{review.pk}/", {"comment": " " + "x" * 5000}, format="json"
    )
    assert_json_error(response, 400, "invalid")
    assert "5000" in response.json()["errors"]["comment"][0]
    review.refresh_from_db()
    assert review.comment == "Kept."


def test_a_display_name_over_the_limit_is_refused_even_with_spaces(
    make_api_client, member
):
    response = make_api_client(member).patch(
        "/api/v1/users/me/", {"display_name": "\x1d" + "x" * 60}, format="json"
    )
    assert_json_error(response, 400, "invalid")
    member.refresh_from_db()
    assert member.display_name == ""


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("--x\r\n4.4e16--x--\r\n", "multipart/form-data; boundary=x"),
        ("display_name=Sneaky", "application/x-www-form-urlencoded"),
    ],
)
def test_only_json_bodies_are_accepted(make_api_client, member, body, content_type):
    response = make_api_client(member).generic(
        "PATCH", "/api/v1/users/me/", body, content_type=content_type
    )
    assert_json_error(response, 415, "unsupported_media_type")
    member.refresh_from_db()
    assert member.display_name == ""


def test_the_schema_says_which_operations_anonymous_callers_may_use(api_client):
    schema = api_client.get(
        "/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json"
    ).json()
    anonymous = {
        f"{method.upper()} {path}"
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if {} in operation.get("security", [{}])
    }
    assert "GET /api/v1/reviews/" in anonymous
    assert "GET /api/v1/reviews/{id}/" in anonymous
    assert "POST /api/v1/auth/token/" in anonymous
    assert "POST /api/v1/reviews/" not in anonymous
    assert "PATCH /api/v1/users/me/" not in anonymous
    assert "POST /api/v1/films/import/" not in anonymous
