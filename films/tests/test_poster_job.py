"""An import with `poster_later`: the film at once, its poster by a job."""

import pytest
from wagtail.images import get_image_model

from films.services import film_import_from_tmdb, film_poster_fetch

pytestmark = pytest.mark.django_db
POSTERS = "/t/p/"


def test_the_film_comes_at_once_and_its_poster_after_the_commit(
    fake_tmdb, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        film, created = film_import_from_tmdb(tmdb_id=603, poster_later=True)
    assert created and film.poster is None and film.tmdb_poster_path == ""
    assert fake_tmdb.count(POSTERS) == 0

    for callback in callbacks:  # the commit: the job runs (immediate backend)
        callback()
    film.refresh_from_db()
    assert film.poster is not None
    assert film.tmdb_poster_path == "/dXNAPwY7VrqMAo51EKhhCJfaGb5.jpg"
    assert fake_tmdb.count(POSTERS) == 1


def test_fetching_the_poster_again_changes_nothing(fake_tmdb):
    film, _ = film_import_from_tmdb(tmdb_id=603, poster_later=True)
    path = "/dXNAPwY7VrqMAo51EKhhCJfaGb5.jpg"
    assert film_poster_fetch(film_id=film.pk, poster_path=path) is True
    assert film_poster_fetch(film_id=film.pk, poster_path=path) is False
    assert film_poster_fetch(film_id=film.pk + 999, poster_path=path) is False
    assert get_image_model().objects.count() == 1
    assert fake_tmdb.count(POSTERS) == 1


def test_a_poster_that_fails_leaves_the_film_with_its_placeholder(
    fake_tmdb, django_capture_on_commit_callbacks, client
):
    fake_tmdb.set_mode("garbage_image")
    with django_capture_on_commit_callbacks(execute=True):
        film, _ = film_import_from_tmdb(tmdb_id=603, poster_later=True)
    film.refresh_from_db()
    assert film.poster is None and film.tmdb_poster_path == ""
    assert get_image_model().objects.count() == 0
    page = client.get(film.get_absolute_url())
    assert page.status_code == 200
    assert "poster-missing" in page.content.decode()  # the placeholder
