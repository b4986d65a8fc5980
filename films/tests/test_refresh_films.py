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

pytestmark = pytest.mark.django_db


def refresh(*args):
    """The command's output; a CommandError carries it as `.output`."""
    out = StringIO()
    try:
        call_command("refresh_films", *args, stdout=out)
    except CommandError as e:
        e.output = out.getvalue()
        raise
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


def test_dry_run_does_not_mark_missing_films(fake_tmdb, matrix):
    fake_tmdb.remove_movie(603)
    assert "1 gone from TMDB" in refresh("--dry-run")
    assert not Film.objects.get(pk=matrix.pk).tmdb_missing


def test_a_failure_on_one_film_does_not_stop_the_others(fake_tmdb, matrix):
    memento, _ = film_import_from_tmdb(tmdb_id=77)
    age(memento, 300)  # refreshed first
    # The client's three tries, twice: the job's first try and its retry.
    fake_tmdb.fail_next("server_error", times=6, path="/3/movie/77")
    with pytest.raises(CommandError, match="1 films failed") as failed:
        refresh()
    assert failed.value.returncode == 1  # the exit status: how many failed
    out = failed.value.output
    assert "Memento (2000): failed (Refreshing Memento (2000) (TMDB film 77): " in out
    assert "still failing after 2 tries" in out and "HTTP 500" in out
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


def test_with_the_database_queue_each_film_becomes_one_job(fake_tmdb, matrix, settings):
    from django_tasks_db.models import DBTaskResult

    memento, _ = film_import_from_tmdb(tmdb_id=77)
    age(memento, 300)
    settings.TASKS = {"default": {"BACKEND": settings.TASKS_BACKENDS["database"]}}
    out = refresh()
    assert "Memento (2000): queued" in out and "The Matrix (1999): queued" in out
    assert "2 films queued for a refresh" in out
    jobs = DBTaskResult.objects.filter(task_path="films.tasks.film_refresh")
    assert sorted(job.args_kwargs["kwargs"]["film_id"] for job in jobs) == sorted(
        [matrix.pk, memento.pk]
    )
    assert {job.status for job in jobs} == {"READY"}  # a worker runs them


def test_a_film_that_cannot_be_queued_is_counted_and_the_rest_go_on(
    fake_tmdb, matrix, monkeypatch
):
    from django.db import DatabaseError

    from films.management.commands import refresh_films
    from films.tasks import film_refresh

    memento, _ = film_import_from_tmdb(tmdb_id=77)
    age(memento, 300)  # queued first

    class Queue:
        @staticmethod
        def enqueue(*, film_id):
            if film_id == memento.pk:
                raise DatabaseError("database is locked")
            return film_refresh.enqueue(film_id=film_id)

    monkeypatch.setattr(refresh_films, "film_refresh", Queue)
    with pytest.raises(CommandError) as failed:
        refresh()
    assert failed.value.returncode == 1
    out = failed.value.output
    assert "Memento (2000): could not be queued (database is locked)" in out
    assert "The Matrix (1999): unchanged" in out
    assert "1 could not be queued" in out
