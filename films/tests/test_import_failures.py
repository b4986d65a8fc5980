"""film_import_from_tmdb failures: a clear error and nothing left behind."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError
from wagtail.images import get_image_model

from films import film_import, services
from films.models import Film, Genre, Person
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


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


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


def test_a_film_our_database_refuses_is_a_clear_error(fake_tmdb, monkeypatch):
    """Whatever the clash, the caller gets FilmImportFailed, never an
    IntegrityError (the API turns it into 409, the pages into a message)."""

    def clash(*args, **kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(film_import, "film_credits_replace", clash)

    with pytest.raises(services.FilmImportFailed):
        film_import_from_tmdb(tmdb_id=603)
    assert not Film.objects.filter(tmdb_id=603).exists()
