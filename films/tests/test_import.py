"""film_import_from_tmdb against the fake TMDB server, over real HTTP."""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError
from PIL import ImageFont
from wagtail.images import get_image_model

from films import services
from films.factories import FilmFactory, GenreFactory, PersonFactory
from films.fonts import PLACEHOLDER_FONT
from films.models import Credit, Film, Genre, Person
from films.posters import placeholder_poster_bytes, poster_image_create
from films.services import film_import_from_tmdb
from films.tmdb import (
    TMDBAuthError,
    TMDBBadResponse,
    TMDBNotConfigured,
    TMDBNotFound,
    TMDBRateLimited,
    TMDBTimeout,
    TMDBUnavailable,
)

pytestmark = pytest.mark.django_db
Image = get_image_model()
POSTERS = "/t/p/"


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


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
    real = services._film_save_once
    calls = []

    def lose_the_race_once(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            FilmFactory(tmdb_id=605, title="Inserted meanwhile")  # the winner
            raise IntegrityError("duplicate key value violates unique constraint")
        return real(**kwargs)

    monkeypatch.setattr(services, "_film_save_once", lose_the_race_once)
    film, created = film_import_from_tmdb(tmdb_id=605)
    assert not created and len(calls) == 2
    assert Film.objects.filter(tmdb_id=605).count() == 1
    assert film.title == "The Matrix Revolutions"


# --- failures leave nothing behind ---------------------------------------------


@pytest.mark.parametrize(
    ("mode", "options", "error"),
    [
        ("not_found", {}, TMDBNotFound),
        ("unauthorized", {}, TMDBAuthError),
        ("rate_limited", {}, TMDBRateLimited),
        ("rate_limited", {"retry_after": 1}, TMDBRateLimited),
        ("server_error", {}, TMDBUnavailable),
        ("unavailable", {}, TMDBUnavailable),
        ("malformed_json", {}, TMDBBadResponse),
        ("wrong_shape", {}, TMDBBadResponse),
        ("reset", {}, TMDBUnavailable),
        ("slow", {"delay": 1.5}, TMDBTimeout),
        ("garbage_image", {}, TMDBBadResponse),
        ("not_an_image", {}, TMDBBadResponse),
        ("image_missing", {}, TMDBNotFound),
    ],
)
def test_each_failure_is_a_tmdb_error_and_leaves_no_partial_film(
    fake_tmdb, settings, mode, options, error
):
    settings.TMDB_TIMEOUT = 0.5
    settings.TMDB_RETRY_MAX_WAIT = 0.01
    fake_tmdb.set_mode(mode, **options)
    with pytest.raises(error):
        film_import_from_tmdb(tmdb_id=603)
    assert Film.objects.count() == 0
    assert Image.objects.count() == 0
    assert Person.objects.count() == 0 and Genre.objects.count() == 0
    assert stored_files() == []


def test_garbage_poster_bytes_say_what_is_wrong(fake_tmdb):
    fake_tmdb.set_mode("garbage_image")
    with pytest.raises(TMDBBadResponse, match="not a readable image"):
        film_import_from_tmdb(tmdb_id=603)


def test_a_failed_reimport_leaves_the_film_as_it_was(fake_tmdb):
    film, _ = film_import_from_tmdb(tmdb_id=603)
    cache.clear()
    fake_tmdb.set_movie(603, title="Changed", poster_path="/fakeHeat949.jpg")
    fake_tmdb.set_mode("garbage_image")
    with pytest.raises(TMDBBadResponse):
        film_import_from_tmdb(tmdb_id=603)
    film.refresh_from_db()
    assert film.title == "The Matrix"
    assert film.tmdb_poster_path == "/dXNAPwY7VrqMAo51EKhhCJfaGb5.jpg"
    assert Image.objects.count() == 1
    assert len([p for p in stored_files() if "original_images" in str(p)]) == 1


def test_without_credentials_import_says_tmdb_is_off(settings):
    settings.TMDB_API_TOKEN = settings.TMDB_API_KEY = ""
    with pytest.raises(TMDBNotConfigured):
        film_import_from_tmdb(tmdb_id=603)
    assert Film.objects.count() == 0


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


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("Film Noir", "Film-Noir"),  # same slug
        ("film-noir", "Film-Noir"),  # same name in another case
        ("Film-Noir", "Film-Noir"),  # same name
    ],
)
def test_a_genre_entered_by_hand_becomes_tmdbs(fake_tmdb, ours, theirs):
    genre = GenreFactory(name=ours, slug="film-noir", tmdb_id=None)
    fake_tmdb.set_movie(603, genres=[{"id": 99001, "name": theirs}])

    film, _ = film_import_from_tmdb(tmdb_id=603)

    genre.refresh_from_db()
    assert list(film.genres.all()) == [genre]
    assert (genre.tmdb_id, genre.name) == (99001, ours)  # the editor's name stays


def test_a_namesake_with_another_tmdb_id_serves_both(fake_tmdb):
    drama = GenreFactory(name="Drama", slug="drama", tmdb_id=18)
    fake_tmdb.set_movie(603, genres=[{"id": 99002, "name": "Drama"}])

    film, _ = film_import_from_tmdb(tmdb_id=603)

    assert list(film.genres.all()) == [drama]
    assert Genre.objects.count() == 1


def test_genres_in_other_scripts_get_slugs_of_their_own(fake_tmdb):
    names = {99003: "ドラマ", 99004: "アクション", 99005: "???"}
    fake_tmdb.set_movie(603, genres=[{"id": k, "name": v} for k, v in names.items()])

    film, _ = film_import_from_tmdb(tmdb_id=603)

    slugs = list(film.genres.values_list("slug", flat=True))
    assert len(set(slugs)) == 3 and all(slugs)


def test_a_film_our_database_refuses_is_a_clear_error(fake_tmdb, monkeypatch):
    """Whatever the clash, the caller gets FilmImportFailed, never an
    IntegrityError (the API turns it into 409, the pages into a message)."""

    def clash(*args, **kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(services, "_credits_replace", clash)

    with pytest.raises(services.FilmImportFailed):
        film_import_from_tmdb(tmdb_id=603)
    assert not Film.objects.filter(tmdb_id=603).exists()
