"""The heartbeat thread that runs beside a `db_worker` process."""

import logging
import threading

from django.conf import settings
from django.db import DatabaseError, connections

from .services import jobs_requeue_lost, worker_forget, worker_heartbeat

log = logging.getLogger(__name__)


class Lifeline(threading.Thread):
    """Every JOBS_HEARTBEAT_SECONDS: say this worker is alive, and requeue the
    jobs of workers that are not (`jobs_requeue_lost`).

    A thread rather than a step of the worker's loop, so the heartbeat goes on
    while a long job runs. It uses its own database connection; a database
    hiccup is logged and tried again on the next beat.
    """

    def __init__(self, *, worker_id, backend_name):
        super().__init__(name=f"lifeline-{worker_id}", daemon=True)
        self.worker_id, self.backend_name = worker_id, backend_name
        self._stopping = threading.Event()

    def run(self):
        try:
            while True:
                try:
                    worker_heartbeat(worker_id=self.worker_id)
                    jobs_requeue_lost(backend_name=self.backend_name)
                except DatabaseError:
                    log.warning("Worker heartbeat failed; trying again", exc_info=True)
                if self._stopping.wait(settings.JOBS_HEARTBEAT_SECONDS):
                    return
        finally:
            connections.close_all()

    def stop(self):
        """Stop beating and remove this worker's heartbeat (a clean exit)."""
        self._stopping.set()
        self.join(timeout=settings.JOBS_HEARTBEAT_SECONDS + 5)
        try:
            worker_forget(worker_id=self.worker_id)
        except DatabaseError:
            log.warning("Could not remove the worker's heartbeat", exc_info=True)
