"""Deleting a Wagtail image that is a film's poster reaches cached pages and API
answers: they must not keep pointing at its (deleted) rendition files."""

import pytest

from films.factories import FilmFactory
from films.models import Film

pytestmark = pytest.mark.django_db


def _poster_urls(api_client, film):
    detail = api_client.get(f"/api/v1/films/{film.pk}/").json()["poster"]
    listed = api_client.get("/api/v1/films/").json()["results"][0]["poster"]
    return detail, listed


def test_deleting_a_poster_image_invalidates_api_answers(api_client):
    film = FilmFactory(title="Stalker", with_poster=True)
    detail, listed = _poster_urls(api_client, film)
    assert detail and listed  # cached now, with the rendition URLs

    film.poster.delete()

    assert Film.objects.get(pk=film.pk).poster is None
    assert _poster_urls(api_client, film) == (None, None)


def test_deleting_a_poster_image_invalidates_the_cached_film_page(client):
    film = FilmFactory(title="Stalker", with_poster=True)
    rendition = film.poster.get_rendition("fill-40x60")  # any file of the image
    first = client.get(film.get_absolute_url()).content.decode()
    assert film.poster.file.name.split("/")[-1].split(".")[0] in first

    film.poster.delete()

    page = client.get(film.get_absolute_url()).content.decode()
    assert "<picture" not in page and "<img" not in page.split("<main", 1)[-1]
    assert rendition.url not in page
