"""films/tasks.py's jobs, run with the immediate backend (the test settings)."""

import pytest
from django_tasks.base import TaskResultStatus

from films.models import Film
from films.tasks import film_import, film_refresh
from jobs.selectors import job_failure_reason

pytestmark = pytest.mark.django_db


def test_an_import_job_imports_the_film_once_however_often_it_runs(fake_tmdb):
    first = film_import.enqueue(tmdb_id=603)
    again = film_import.enqueue(tmdb_id=603)
    film = Film.objects.get(tmdb_id=603)
    assert first.status == again.status == TaskResultStatus.SUCCESSFUL
    assert first.return_value == {"film": film.pk, "created": True}
    assert again.return_value == {"film": film.pk, "created": False}
    assert Film.objects.count() == 1


def test_a_rate_limit_inside_a_job_is_waited_out(fake_tmdb):
    # More 429s than the client's own retries: the job's backoff takes over.
    fake_tmdb.fail_next("rate_limited", times=4, path="/3/movie/603")
    job = film_import.enqueue(tmdb_id=603)
    assert job.status == TaskResultStatus.SUCCESSFUL, job_failure_reason(job)
    assert Film.objects.filter(tmdb_id=603).count() == 1


def test_a_job_whose_tmdb_keeps_failing_ends_failed_with_the_reason(fake_tmdb):
    fake_tmdb.set_mode("unavailable", path="/3/movie/603")
    job = film_import.enqueue(tmdb_id=603)
    assert job.status == TaskResultStatus.FAILED
    reason = job_failure_reason(job)
    assert reason.startswith("Importing TMDB film 603: still failing after 2 tries")
    assert "503" in reason
    assert not Film.objects.exists()


def test_a_refresh_job_for_a_film_deleted_meanwhile_does_nothing(fake_tmdb):
    job = film_refresh.enqueue(film_id=123456)
    assert job.return_value == {"status": "deleted", "changes": {}}
