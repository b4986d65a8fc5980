"""The import's job: TMDB's 429 waited out, progress kept across a crash."""

import pytest

from accounts.factories import UserFactory
from films.models import Film
from imports import services
from imports.models import LetterboxdImport
from imports.services import letterboxd_import_file, letterboxd_import_process
from imports.testing import csv_text, csv_upload, diary_row
from reviews.models import Viewing

pytestmark = pytest.mark.django_db

TMDB_FILMS = [("Heat", 1995), ("Memento", 2000), ("Arrival", 2016)]


def diary(films, day="2020-01-0{}"):
    rows = [diary_row(n, y, day.format(i + 1), "4") for i, (n, y) in enumerate(films)]
    return csv_upload("diary.csv", csv_text("diary.csv", rows))


def test_a_tmdb_429_mid_import_is_waited_out(member, fake_tmdb):
    # Three 429s outlast the client's own two retries; the job's backoff
    # (jobs.retry) then tries again and the import goes on.
    fake_tmdb.fail_next("rate_limited", times=3, path="/3/search/movie", retry_after=0)
    done = letterboxd_import_file(user=member, file=diary(TMDB_FILMS))
    assert done.status == "done"
    assert (done.processed, done.matched, done.created) == (3, 3, 3)
    assert sorted(Film.objects.values_list("tmdb_id", flat=True)) == [77, 949, 329865]


def test_a_tmdb_that_stays_unavailable_fails_the_import_with_a_reason(
    member, fake_tmdb
):
    fake_tmdb.set_mode("rate_limited", path="/3/search/movie", retry_after=0)
    done = letterboxd_import_file(user=member, file=diary(TMDB_FILMS))
    assert done.status == "failed"
    assert done.error.startswith(
        "Searching TMDB for 'Heat': still failing after 2 tries"
    )
    assert done.processed == 0 and not Viewing.objects.exists()


def test_a_crash_mid_import_resumes_where_it_stopped_without_duplicates(
    member, fake_tmdb, monkeypatch, settings
):
    settings.IMPORT_CHUNK_ROWS = 2
    films = TMDB_FILMS + [("The Prestige", 2006), ("Heat", 1995)]
    done = letterboxd_import_file(user=member, file=diary(films), background=False)
    assert done.status == "done"
    expected = set(
        Viewing.objects.filter(user=member).values_list("film__tmdb_id", "watched_on")
    )

    # The same file for a second member, and a crash after the first chunk.
    other = UserFactory()
    calls = {"n": 0}
    real = services._chunk

    def crashing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the worker dies here
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "_chunk", crashing)
    with pytest.raises(KeyboardInterrupt):
        letterboxd_import_file(user=other, file=diary(films), background=False)
    stopped = LetterboxdImport.objects.get(owner=other)
    assert (stopped.status, stopped.processed) == ("running", 2)
    assert Viewing.objects.filter(user=other).count() == 2

    monkeypatch.setattr(services, "_chunk", real)
    resumed = letterboxd_import_process(letterboxd_import_id=stopped.pk)
    assert (resumed.status, resumed.processed, resumed.total) == ("done", 5, 5)
    assert (resumed.created, resumed.updated) == (4, 1)  # Heat's second viewing
    viewings = Viewing.objects.filter(user=other)
    assert set(viewings.values_list("film__tmdb_id", "watched_on")) == expected
    assert viewings.count() == 5
    assert Film.objects.filter(tmdb_id=949).count() == 1
