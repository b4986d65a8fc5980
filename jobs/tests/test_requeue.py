"""Jobs of dead workers go back to the queue (jobs.services.jobs_requeue_lost)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs.models import WorkerHeartbeat
from jobs.selectors import job_failure_reason
from jobs.services import jobs_requeue_lost, worker_forget, worker_heartbeat

pytestmark = pytest.mark.django_db

BACKEND = "default"


@pytest.fixture(autouse=True)
def _timing(settings):
    settings.JOBS_WORKER_LOST_AFTER = 60
    settings.JOBS_MAX_ATTEMPTS = 3


def running_job(*, workers, started_ago):
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {"tmdb_id": 603}},
        task_path="films.tasks.film_import",
        backend_name=BACKEND,
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(seconds=started_ago),
        worker_ids=workers,
    )


def seen(worker_id, ago):
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": timezone.now() - timedelta(seconds=ago)},
    )


def test_the_job_of_a_silent_worker_is_queued_again():
    job = running_job(workers=["dead"], started_ago=300)
    seen("dead", 120)
    assert jobs_requeue_lost(backend_name=BACKEND) == (1, 0)
    job.refresh_from_db()
    assert (job.status, job.started_at, job.worker_ids) == ("READY", None, ["dead"])
    assert DBTaskResult.objects.ready().get() == job  # a worker can claim it


def test_a_worker_that_never_beat_counts_as_silent():
    running_job(workers=["old-style"], started_ago=300)
    assert jobs_requeue_lost(backend_name=BACKEND) == (1, 0)


def test_the_job_of_a_living_worker_is_left_alone_however_long_it_runs():
    job = running_job(workers=["dead", "alive"], started_ago=3600)
    seen("alive", 5)
    assert jobs_requeue_lost(backend_name=BACKEND) == (0, 0)
    job.refresh_from_db()
    assert job.status == "RUNNING"


def test_a_just_claimed_job_is_left_alone():
    running_job(workers=["new"], started_ago=1)
    assert jobs_requeue_lost(backend_name=BACKEND) == (0, 0)


def test_after_the_last_try_the_job_fails_with_a_readable_reason():
    job = running_job(workers=["a", "b", "c"], started_ago=300)
    assert jobs_requeue_lost(backend_name=BACKEND) == (0, 1)
    job.refresh_from_db()
    assert job.status == "FAILED" and job.finished_at is not None
    assert job_failure_reason(job.task_result) == (
        "The worker running this job stopped 3 times (last: c); not tried again."
    )


def test_another_backends_jobs_are_not_touched():
    job = running_job(workers=["dead"], started_ago=300)
    DBTaskResult.objects.filter(pk=job.pk).update(backend_name="other")
    assert jobs_requeue_lost(backend_name=BACKEND) == (0, 0)


def test_heartbeats_are_written_and_forgotten_and_old_ones_pruned():
    worker_heartbeat(worker_id="w1")
    worker_heartbeat(worker_id="w1")
    seen("long-gone", 3 * 24 * 3600)
    jobs_requeue_lost(backend_name=BACKEND)
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["w1"]
    worker_forget(worker_id="w1")
    assert not WorkerHeartbeat.objects.exists()


def test_a_worker_waits_until_the_database_is_migrated(monkeypatch):
    """Started beside a web container that is still migrating (compose)."""
    from filmtracker import db

    answers = iter([False, False, True])
    monkeypatch.setattr(db, "db_migrated", lambda using: next(answers))
    waits = []
    db.db_wait_migrated(interval=0, on_wait=lambda: waits.append("told"))
    assert waits == ["told"]  # said once, then waited quietly
    with pytest.raises(StopIteration):  # it asked until the answer was yes
        next(answers)


def test_the_test_database_counts_as_migrated():
    from filmtracker.db import db_migrated

    assert db_migrated() is True
