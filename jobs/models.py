from django.db import models


class WorkerHeartbeat(models.Model):
    """A running `db_worker` process, as last heard from.

    django-tasks-db marks a job RUNNING when a worker claims it and never looks
    at it again, so a worker killed mid-job would leave it RUNNING forever.
    Each worker writes its row every JOBS_HEARTBEAT_SECONDS; the jobs of a
    worker that has gone silent are put back in the queue
    (`jobs.services.jobs_requeue_lost`).
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    seen_at = models.DateTimeField()

    def __str__(self):
        return f"{self.worker_id} (seen {self.seen_at:%Y-%m-%d %H:%M:%S})"
