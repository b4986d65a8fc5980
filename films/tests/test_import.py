"""film_import_from_tmdb against the fake TMDB server, over real HTTP.

Failures are in test_import_failures, genre matching in test_import_genres.
"""

from datetime import date

import pytest
from django.db import IntegrityError
from PIL import ImageFont
from wagtail.images import get_image_model

from films import film_import, services
from films.factories import FilmFactory, GenreFactory, PersonFactory
from films.fonts import PLACEHOLDER_FONT
from films.models import Credit, Film, Genre, Person
from films.posters import placeholder_poster_bytes, poster_image_create
from films.services import film_import_from_tmdb

pytestmark = pytest.mark.django_db
Image = get_image_model()
POSTERS = "/t/p/"


def test_import_creates_the_film_with_genres_people_and_poster(fake_tmdb):
    film, created = film_import_from_tmdb(tmdb_id=603)
    assert created
    film.refresh_from_db()
    assert (film.tmdb_id, film.title, film.year) == (603, "The Matrix", 1999)
    assert film.release_date == date(1999, 3, 31)
    assert film.runtime == 136
    assert film.imdb_id == "tt0133093"
    assert film.tagline == "Believe the unbelievable."
    assert str(film.tmdb_vote_average) == "8.3"
    assert film.slug == "the-matrix-1999"
    assert film.tmdb_synced_at is not None and not film.tmdb_missing
    assert sorted(film.genres.values_list("name", flat=True)) == [
        "Action",
        "Science Fiction",
    ]
    assert {p.name for p in film.directors} == {"Lana Wachowski", "Lilly Wachowski"}
    assert [(c.person.name, c.character) for c in film.cast] == [
        ("Keanu Reeves", "Thomas A. Anderson / Neo"),
        ("Laurence Fishburne", "Morpheus"),
        ("Carrie-Anne Moss", "Trinity"),
    ]
    assert Person.objects.get(name="Keanu Reeves").tmdb_id == 6384
    assert film.poster is not None
    assert film.poster.width == 400 and film.poster.height == 600
    assert film.tmdb_poster_path == "/dXNAPwY7VrqMAo51EKhhCJfaGb5.jpg"
    assert fake_tmdb.count(POSTERS) == 1


def test_the_listing_renditions_are_made_right_after_import(
    fake_tmdb, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        film, _ = film_import_from_tmdb(tmdb_id=550)
    specs = set(film.poster.renditions.values_list("filter_spec", flat=True))
    assert {"fill-300x450", "fill-400x600", "fill-40x60"} <= specs


def test_importing_twice_gives_one_film_and_one_poster(fake_tmdb):
    first, created_first = film_import_from_tmdb(tmdb_id=603)
    second, created_second = film_import_from_tmdb(tmdb_id=603)
    assert (created_first, created_second) == (True, False)
    assert first.pk == second.pk
    assert Film.objects.count() == 1
    assert Image.objects.count() == 1
    assert fake_tmdb.count(POSTERS) == 1
    assert Credit.objects.filter(film=first).count() == 5


def test_a_new_poster_path_replaces_the_poster_and_deletes_the_old_one(
    fake_tmdb, django_capture_on_commit_callbacks
):
    film, _ = film_import_from_tmdb(tmdb_id=603)
    old_poster_id = film.poster_id
    fake_tmdb.set_movie(603, poster_path="/fakeInception27205.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        services.film_refresh_from_tmdb(film=film)
    film.refresh_from_db()
    assert film.poster_id != old_poster_id
    assert film.tmdb_poster_path == "/fakeInception27205.jpg"
    assert not Image.objects.filter(pk=old_poster_id).exists()


def test_import_replaces_a_placeholder_poster_and_adopts_demo_people(
    fake_tmdb, django_capture_on_commit_callbacks
):
    placeholder = poster_image_create(
        title="The Matrix (placeholder poster)",
        content=placeholder_poster_bytes(title="The Matrix"),
        filename="placeholder.jpg",
    )
    demo = FilmFactory(tmdb_id=603, title="The Matrix", year=1999, poster=placeholder)
    keanu = PersonFactory(name="Keanu Reeves", tmdb_id=None)
    with django_capture_on_commit_callbacks(execute=True):
        film, created = film_import_from_tmdb(tmdb_id=603)
    assert not created and film.pk == demo.pk
    assert film.poster_id != placeholder.pk
    assert not Image.objects.filter(pk=placeholder.pk).exists()
    keanu.refresh_from_db()
    assert keanu.tmdb_id == 6384
    assert Person.objects.filter(name="Keanu Reeves").count() == 1


def test_people_are_shared_between_films(fake_tmdb):
    film_import_from_tmdb(tmdb_id=603)
    memento, _ = film_import_from_tmdb(tmdb_id=77)
    moss = Person.objects.get(tmdb_id=530)
    assert set(moss.films.values_list("tmdb_id", flat=True)) == {603, 77}
    assert memento.credits.count() == 4  # Nolan + three cast


def test_russian_import_keeps_english_base_and_cyrillic_translation(fake_tmdb):
    film, _ = film_import_from_tmdb(tmdb_id=1398)
    film.refresh_from_db()
    # The film itself is TMDB's English text; Russian is its translation.
    assert film.title == "Stalker"
    assert film.original_title == "Сталкер"
    russian = film.translations.get(language="ru")
    assert russian.title == "Сталкер"
    assert russian.overview.startswith("Проводник")
    # New genres are named from TMDB's English list, not the Russian details.
    assert sorted(film.genres.values_list("name", flat=True)) == [
        "Drama",
        "Science Fiction",
    ]
    assert film.slug == "stalker-1979"  # Cyrillic spelled out in Latin letters


def test_existing_genres_keep_their_names(fake_tmdb):
    GenreFactory(name="Sci-Fi", tmdb_id=878)
    film, _ = film_import_from_tmdb(tmdb_id=603)
    assert sorted(film.genres.values_list("name", flat=True)) == ["Action", "Sci-Fi"]
    assert Genre.objects.get(tmdb_id=878).name == "Sci-Fi"
    assert Genre.objects.get(tmdb_id=28).name == "Action"


def test_a_film_without_poster_date_or_runtime_imports(fake_tmdb):
    film, created = film_import_from_tmdb(tmdb_id=999001)
    film.refresh_from_db()
    assert created
    assert film.poster is None and film.tmdb_poster_path == ""
    assert film.release_date is None and film.year is None and film.runtime is None
    assert film.genres.count() == 0 and film.credits.count() == 0
    assert fake_tmdb.count(POSTERS) == 0


def test_a_race_lost_on_the_unique_tmdb_id_returns_the_winners_film(
    fake_tmdb, monkeypatch
):
    real = film_import._film_save_once
    calls = []

    def lose_the_race_once(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            FilmFactory(tmdb_id=605, title="Inserted meanwhile")  # the winner
            raise IntegrityError("duplicate key value violates unique constraint")
        return real(**kwargs)

    monkeypatch.setattr(film_import, "_film_save_once", lose_the_race_once)
    film, created = film_import_from_tmdb(tmdb_id=605)
    assert not created and len(calls) == 2
    assert Film.objects.filter(tmdb_id=605).count() == 1
    assert film.title == "The Matrix Revolutions"


def _glyph(font, char):
    mask = font.getmask(char)
    return mask.size, bytes(mask)


def test_placeholder_posters_draw_accents_and_cyrillic():
    """Pillow's default font drew "Am□lie": each letter must be a real glyph."""
    font = ImageFont.truetype(str(PLACEHOLDER_FONT), size=32)
    missing = _glyph(font, "\U000f0000")  # a private-use code point: no glyph
    for char in "éЖя":
        assert _glyph(font, char) != missing, char
    assert placeholder_poster_bytes(
        title="Stalker", year=1979, original_title="Сталкер"
    ).startswith(b"\xff\xd8")
