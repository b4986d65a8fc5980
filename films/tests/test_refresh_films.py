"""`manage.py refresh_films` against the fake TMDB server."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from films.factories import FilmFactory
from films.models import Film
from films.services import film_import_from_tmdb
from ops.demo import load_catalogue
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db


def refresh(*args):
    out = StringIO()
    call_command("refresh_films", *args, stdout=out)
    return out.getvalue()


def age(film, days):
    Film.objects.filter(pk=film.pk).update(
        tmdb_synced_at=timezone.now() - timedelta(days=days)
    )


@pytest.fixture
def matrix(fake_tmdb):
    film, _ = film_import_from_tmdb(tmdb_id=603)
    age(film, 200)
    return film


@pytest.fixture
def ratings(matrix):
    rows = [UserFilmFactory(film=matrix, rating=r) for r in (10, 7, 3)]
    return {row.pk: (row.user_id, row.rating, row.comment) for row in rows}


def rating_rows():
    return {
        row.pk: (row.user_id, row.rating, row.comment) for row in UserFilm.objects.all()
    }


def test_dry_run_lists_changes_and_saves_nothing(fake_tmdb, matrix):
    synced_at = Film.objects.get(pk=matrix.pk).tmdb_synced_at
    fake_tmdb.set_movie(603, title="The Matrix (Remastered)", runtime=137)
    out = refresh("--dry-run")
    assert "The Matrix (1999): would update" in out
    assert "title: The Matrix -> The Matrix (Remastered)" in out
    assert "runtime: 136 -> 137" in out
    assert "1 would change" in out and "nothing was saved" in out
    film = Film.objects.get(pk=matrix.pk)
    assert (film.title, film.runtime, film.tmdb_synced_at) == (
        "The Matrix",
        136,
        synced_at,
    )


def test_a_real_run_updates_the_title_and_keeps_every_rating(
    fake_tmdb, matrix, ratings
):
    fake_tmdb.set_movie(603, title="The Matrix (Remastered)")
    out = refresh()
    assert "The Matrix (Remastered) (1999): updated" in out
    assert "title: The Matrix -> The Matrix (Remastered)" in out
    assert "1 updated, 0 unchanged" in out
    film = Film.objects.get(pk=matrix.pk)
    assert film.title == "The Matrix (Remastered)"
    assert film.slug == matrix.slug
    assert film.tmdb_synced_at > timezone.now() - timedelta(minutes=1)
    assert rating_rows() == ratings


def test_the_refresh_asks_tmdb_even_when_a_cached_answer_exists(fake_tmdb, matrix):
    before = fake_tmdb.count("/3/movie/603")
    refresh()
    # English and Russian details: one request per site language.
    assert fake_tmdb.count("/3/movie/603") == before + 2
    assert fake_tmdb.count("/t/p/") == 1  # same poster path: not downloaded again


def test_unchanged_films_are_reported_as_such(fake_tmdb, matrix):
    out = refresh()
    assert "The Matrix (1999): unchanged" in out
    assert "0 updated, 1 unchanged" in out


def test_fresh_films_are_left_alone(fake_tmdb, matrix):
    age(matrix, 10)
    out = refresh()
    assert "nothing to do" in out
    assert "films checked" not in refresh("--older-than", "30")
    assert "1 films checked" in refresh("--older-than", "5")


def test_a_film_gone_from_tmdb_stays_marked_and_keeps_its_ratings(
    fake_tmdb, matrix, ratings
):
    fake_tmdb.remove_movie(603)
    out = refresh()
    assert "The Matrix (1999): gone from TMDB (kept, marked)" in out
    assert "1 gone from TMDB" in out
    film = Film.objects.get(pk=matrix.pk)
    assert film.tmdb_missing
    assert film.title == "The Matrix"
    assert rating_rows() == ratings
    assert "nothing to do" in refresh()  # no longer refreshed


def test_dry_run_does_not_mark_missing_films(fake_tmdb, matrix):
    fake_tmdb.remove_movie(603)
    assert "1 gone from TMDB" in refresh("--dry-run")
    assert not Film.objects.get(pk=matrix.pk).tmdb_missing


def test_a_failure_on_one_film_does_not_stop_the_others(fake_tmdb, matrix):
    memento, _ = film_import_from_tmdb(tmdb_id=77)
    age(memento, 300)  # refreshed first
    fake_tmdb.fail_next("server_error", times=3)  # the first try and two retries
    out = refresh()
    assert "Memento (2000): failed (TMDB movie/77: HTTP 500" in out
    assert "The Matrix (1999): unchanged" in out
    assert "1 failed" in out
    assert Film.objects.get(pk=memento.pk).title == "Memento"


def test_a_refused_key_stops_the_run(fake_tmdb, matrix, settings):
    settings.TMDB_API_TOKEN = "eyJ-wrong"
    with pytest.raises(CommandError, match="Invalid API key"):
        refresh()


def test_without_credentials_the_command_says_so(db, settings):
    settings.TMDB_API_TOKEN = settings.TMDB_API_KEY = ""
    with pytest.raises(CommandError, match="TMDB lookups are off"):
        refresh()


def test_the_default_keeps_films_inside_tmdbs_six_month_limit(settings):
    assert settings.TMDB_REFRESH_AFTER_DAYS + 7 < 182  # weekly runs stay inside


def test_list_changes_say_what_goes_and_what_comes(fake_tmdb, matrix):
    fake_tmdb.set_movie(603, genres=[{"id": 28, "name": "Action"}])
    out = refresh("--dry-run")
    assert "genres: - 878" in out


def test_against_the_fake_every_demo_film_is_known(fake_tmdb):
    for item in load_catalogue()["films"]:
        FilmFactory(tmdb_id=item["tmdb_id"], title=item["title"], tmdb_synced_at=None)
    out = refresh("--dry-run")
    assert "64 films checked" in out
    assert "0 gone from TMDB" in out and "0 failed" in out
