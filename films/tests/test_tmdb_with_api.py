"""The real TMDB client and import behind the REST API, against the fake TMDB.

The API's own tests mock the service; these check the two fit together.
"""

import pytest
from wagtail.images import get_image_model

from films.factories import FilmFactory
from films.models import Film

pytestmark = pytest.mark.django_db


def test_search_then_import_over_the_api(fake_tmdb, make_api_client, member):
    FilmFactory(tmdb_id=603)
    client = make_api_client(member)
    found = client.get("/api/v1/tmdb/search/", {"query": "matrix"})
    assert found.status_code == 200
    assert [m["tmdb_id"] for m in found.json()["results"]] == [624860, 604, 605]
    created = client.post("/api/v1/films/import/", {"tmdb_id": 604})
    assert created.status_code == 201
    assert created.json()["title"] == "The Matrix Reloaded"
    again = client.post("/api/v1/films/import/", {"tmdb_id": 604})
    assert again.status_code == 200
    assert Film.objects.filter(tmdb_id=604).count() == 1
    assert get_image_model().objects.count() == 1


def test_a_tmdb_outage_is_a_clear_api_error(fake_tmdb, make_api_client, member):
    fake_tmdb.set_mode("unavailable")
    response = make_api_client(member).post("/api/v1/films/import/", {"tmdb_id": 604})
    assert response.status_code == 503
    assert response.json()["code"] == "tmdb_unavailable"
    assert not Film.objects.exists()
