"""Keeping the database job queue honest when workers die.

django-tasks-db runs a job once: a worker claims it (status RUNNING, its id
appended to `worker_ids`) and records the outcome. A worker killed mid-job
records nothing, so its job would stay RUNNING forever. Workers therefore
write a heartbeat (`WorkerHeartbeat`), and every worker regularly puts back
in the queue the jobs of workers that fell silent. A job's own writes are
all-or-nothing (one transaction), so running it again is safe.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

log = logging.getLogger(__name__)

# Heartbeats of workers gone this long are deleted (they only tell history).
HEARTBEAT_KEPT = timedelta(days=1)


class WorkerLost(Exception):
    """The reason recorded for a job whose workers kept dying under it."""


def worker_heartbeat(*, worker_id):
    """Record that `worker_id` is alive now."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"seen_at": timezone.now()}
    )


def worker_forget(*, worker_id):
    """A worker that stops cleanly removes its heartbeat."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def jobs_requeue_lost(*, backend_name):
    """Put the RUNNING jobs of silent workers back in the queue.

    A worker is silent when its last heartbeat is older than
    JOBS_WORKER_LOST_AFTER seconds (or it never wrote one). Its job goes back
    to READY, or is marked FAILED with a WorkerLost reason once it has been
    tried JOBS_MAX_ATTEMPTS times (a job that kills its worker must not loop).
    Safe with several workers at once: each change applies only if the job is
    still as it was read. Returns (requeued, failed) counts.
    """
    now = timezone.now()
    silent_since = now - timedelta(seconds=settings.JOBS_WORKER_LOST_AFTER)
    WorkerHeartbeat.objects.filter(seen_at__lt=now - HEARTBEAT_KEPT).delete()
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=silent_since).values_list(
            "worker_id", flat=True
        )
    )
    requeued = failed = 0
    running = DBTaskResult.objects.running().filter(
        backend_name=backend_name, started_at__lt=silent_since
    )
    for job in running:
        if job.worker_ids and job.worker_ids[-1] in alive:
            continue
        unchanged = DBTaskResult.objects.filter(
            pk=job.pk, status=TaskResultStatus.RUNNING, started_at=job.started_at
        )
        tries = len(job.worker_ids)
        if tries >= settings.JOBS_MAX_ATTEMPTS:
            reason = (
                f"The worker running this job stopped {tries} times "
                f"(last: {job.worker_ids[-1] if job.worker_ids else 'unknown'}); "
                "not tried again."
            )
            failed += unchanged.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=f"{__name__}.{WorkerLost.__qualname__}",
                traceback=f"{__name__}.{WorkerLost.__qualname__}: {reason}\n",
            )
            log.error("Job %s (%s) failed: %s", job.pk, job.task_path, reason)
        elif unchanged.update(status=TaskResultStatus.READY, started_at=None):
            requeued += 1
            log.warning(
                "Job %s (%s) lost its worker after %d tries; queued again",
                job.pk,
                job.task_path,
                tries,
            )
    return requeued, failed
