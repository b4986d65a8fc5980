"""Genre names in the reader's language, stored like film titles."""

import pytest
from django.utils import translation

from films.factories import FilmFactory, GenreFactory
from films.models import GenreTranslation
from films.selectors import genre_list
from films.services import film_import_from_tmdb

pytestmark = pytest.mark.django_db
RU = {"HTTP_ACCEPT_LANGUAGE": "ru"}


def test_import_stores_tmdb_genre_names_per_language(fake_tmdb):
    film, _ = film_import_from_tmdb(tmdb_id=603)
    names = {g.name: g.translations.get(language="ru").name for g in film.genres.all()}
    assert names == {"Action": "боевик", "Science Fiction": "фантастика"}


def test_an_editors_russian_name_survives_a_new_import(fake_tmdb):
    film_import_from_tmdb(tmdb_id=603)
    GenreTranslation.objects.filter(name="боевик").update(name="Боевики")
    film_import_from_tmdb(tmdb_id=77)  # Memento: another film, shared genres
    film_import_from_tmdb(tmdb_id=603)
    assert GenreTranslation.objects.filter(name="Боевики").count() == 1
    assert not GenreTranslation.objects.filter(name="боевик").exists()


def test_a_namesake_serving_a_tmdb_genre_gets_its_russian_name(fake_tmdb):
    # films/genres.py: "Science Fiction" tied to another TMDB id serves 878 too.
    scifi = GenreFactory(name="Science Fiction", slug="science-fiction", tmdb_id=99)
    film, _ = film_import_from_tmdb(tmdb_id=603)
    assert scifi in film.genres.all()
    assert scifi.translations.get(language="ru").name == "фантастика"


def _drama():
    genre = GenreFactory(name="Drama", slug="drama")
    GenreTranslation.objects.create(genre=genre, language="ru", name="драма")
    return genre


def test_film_page_and_search_filter_show_russian_genre_names(client):
    drama = _drama()
    GenreFactory(name="Western", slug="western")  # no Russian name: English
    film = FilmFactory(title="Stalker")
    film.genres.set([drama])
    page = client.get(film.get_absolute_url(), **RU).content.decode()
    assert ">драма</a>" in page and ">Drama</a>" not in page
    search = client.get("/search/", **RU).content.decode()
    assert '<option value="drama">драма</option>' in search
    assert '<option value="western">Western</option>' in search


def test_api_genre_names_follow_accept_language(client):
    film = FilmFactory(title="Stalker")
    film.genres.set([_drama()])
    data = client.get(f"/api/v1/films/{film.pk}/", **RU).json()
    assert [g["name"] for g in data["genres"]] == ["драма"]
    data = client.get(f"/api/v1/films/{film.pk}/").json()
    assert [g["name"] for g in data["genres"]] == ["Drama"]


def test_genre_filter_is_sorted_by_the_name_shown():
    for english, russian in [("Action", "боевик"), ("Western", "вестерн")]:
        genre = GenreFactory(name=english)
        GenreTranslation.objects.create(genre=genre, language="ru", name=russian)
    with translation.override("ru"):
        assert [g.name_shown for g in genre_list()] == ["боевик", "вестерн"]
    with translation.override("en"):
        assert [g.name_shown for g in genre_list()] == ["Action", "Western"]
