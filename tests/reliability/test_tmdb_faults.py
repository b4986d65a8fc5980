"""TMDB failing in every way the fake server can: the API, the site's search
page and its "Add to FilmTracker" button each answer clearly, never with a
500, leave no half-imported film behind, and the local catalogue keeps serving.
"""

import pytest
from django.urls import reverse
from wagtail.images import get_image_model

from films.factories import FilmFactory
from films.models import Film

pytestmark = pytest.mark.django_db

MATRIX = 603  # a film the fake TMDB knows, with a poster
TIMEOUT = 0.3  # seconds, instead of the test settings' 2 (the fake sleeps 1)


@pytest.fixture
def tmdb(fake_tmdb, settings):
    settings.TMDB_TIMEOUT = TIMEOUT
    return fake_tmdb


@pytest.fixture
def local_film(db):
    return FilmFactory(title="Local Hero", tmdb_id=None)


# mode, options, the API's status and code for an import, and whether the
# fault is in the poster download (search does not fetch posters).
FAULTS = [
    ("slow", {"delay": 1.0}, 504, "tmdb_timeout", False),
    ("reset", {}, 503, "tmdb_unavailable", False),
    ("unauthorized", {}, 502, "tmdb_auth_failed", False),
    ("rate_limited", {"retry_after": 1}, 503, "tmdb_rate_limited", False),
    ("rate_limited", {}, 503, "tmdb_rate_limited", False),
    ("server_error", {}, 503, "tmdb_unavailable", False),
    ("unavailable", {}, 503, "tmdb_unavailable", False),
    ("malformed_json", {}, 502, "tmdb_bad_response", False),
    ("wrong_shape", {}, 502, "tmdb_bad_response", False),
    ("garbage_image", {}, 502, "tmdb_bad_response", True),
    ("not_an_image", {}, 502, "tmdb_bad_response", True),
]
IDS = [
    f"{mode}-{'retry-after' if options.get('retry_after') else ''}"
    for mode, options, *_ in FAULTS
]


def assert_nothing_imported():
    assert not Film.objects.filter(tmdb_id=MATRIX).exists()
    assert get_image_model().objects.count() == 0


def assert_catalogue_serves(client, film):
    assert client.get(film.get_absolute_url()).status_code == 200
    body = client.get("/api/v1/films/", {"q": "local"}).json()
    assert [f["title"] for f in body["results"]] == ["Local Hero"]


@pytest.mark.parametrize(
    ("mode", "options", "status", "code", "poster"), FAULTS, ids=IDS
)
def test_api_import_fails_clearly_and_imports_nothing(
    tmdb, make_api_client, member, local_film, mode, options, status, code, poster
):
    tmdb.set_mode(mode, **options)
    client = make_api_client(member)
    response = client.post("/api/v1/films/import/", {"tmdb_id": MATRIX}, format="json")
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert response.json()["detail"].startswith("TMDB")
    assert_nothing_imported()
    assert_catalogue_serves(client, local_film)


@pytest.mark.parametrize(
    ("mode", "options", "status", "code"),
    # Searching fetches no posters.
    [fault[:4] for fault in FAULTS if not fault[4]],
    ids=[name for name, fault in zip(IDS, FAULTS, strict=True) if not fault[4]],
)
def test_api_search_fails_clearly(
    tmdb, make_api_client, member, mode, options, status, code
):
    tmdb.set_mode(mode, **options)
    response = make_api_client(member).get("/api/v1/tmdb/search/", {"query": "matrix"})
    assert (response.status_code, response.json()["code"]) == (status, code)


def test_api_import_of_a_film_tmdb_does_not_have_is_a_400(
    tmdb, make_api_client, member
):
    tmdb.set_mode("not_found")
    response = make_api_client(member).post(
        "/api/v1/films/import/", {"tmdb_id": MATRIX}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["tmdb_id"] == ["TMDB has no film with id 603."]
    assert_nothing_imported()


@pytest.mark.parametrize(
    ("mode", "options", "status", "code", "poster"), FAULTS, ids=IDS
)
def test_site_import_goes_back_with_a_message_and_imports_nothing(
    tmdb, member_client, local_film, mode, options, status, code, poster
):
    tmdb.set_mode(mode, **options)
    search = reverse("search:search") + "?q=matrix"
    response = member_client.post(
        reverse("films:import"), {"tmdb_id": MATRIX, "next": search}, follow=True
    )
    assert response.redirect_chain[0] == (search, 302)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any("TMDB" in m and "wasn't added" in m for m in messages), messages
    assert_nothing_imported()
    assert_catalogue_serves(member_client, local_film)


@pytest.mark.parametrize(
    ("mode", "options", "status", "code", "poster"), FAULTS, ids=IDS
)
def test_site_search_keeps_the_local_results_when_tmdb_fails(
    tmdb, client, local_film, mode, options, status, code, poster
):
    tmdb.set_mode(mode, **options)
    response = client.get(reverse("search:search"), {"q": "local"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Local Hero" in html
    assert_nothing_imported()


def test_a_tmdb_outage_then_recovery_imports_normally(tmdb, make_api_client, member):
    client = make_api_client(member)
    tmdb.set_mode("unavailable")
    assert client.post("/api/v1/films/import/", {"tmdb_id": MATRIX}).status_code == 503
    tmdb.set_mode(None)
    response = client.post("/api/v1/films/import/", {"tmdb_id": MATRIX})
    assert response.status_code == 201
    assert Film.objects.filter(tmdb_id=MATRIX).count() == 1
