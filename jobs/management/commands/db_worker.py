"""`manage.py db_worker`: django-tasks-db's worker plus a heartbeat.

The `jobs` app comes before `django_tasks_db` in INSTALLED_APPS, so this
command takes the package's name and options; it adds the `Lifeline` thread
that lets other workers requeue this one's job if it dies mid-job.
"""

import os
import socket

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands import db_worker

from filmtracker.db import db_wait_migrated
from jobs.worker import Lifeline


class Command(db_worker.Command):
    help = (
        "Run background jobs from the database queue. Several workers (on several "
        "machines, with PostgreSQL) may share it; a job whose worker dies is run "
        "again by another."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # The host's name in the id (the package's is random only): a job's
        # `worker_ids` say which machine or container ran it. The random part
        # keeps a restarted worker from passing as its dead predecessor.
        host = socket.gethostname()[:40]
        parser.set_defaults(worker_id=f"{host}-{get_random_string(12)}")

    def configure_logging(self, verbosity):
        # The package logs two lines per job at the default verbosity: noise
        # when every search-index update is a job. LOGGING's levels apply
        # (failures and requeued jobs still show); -v 2 shows every job.
        if verbosity != 1:
            super().configure_logging(verbosity)

    def handle(self, *args, **options):
        # With --reload (ignored with --batch) the outer process only restarts
        # the inner one, which is the real worker: only that one beats.
        reloads = options["reload"] and not options["batch"]
        if reloads and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            return super().handle(*args, **options)
        # Started beside a web container that is still migrating, the worker
        # would die on missing tables: it waits instead.
        db_wait_migrated(
            on_wait=lambda: self.stderr.write(
                "Waiting for the database's migrations (manage.py migrate)..."
            )
        )
        lifeline = Lifeline(
            worker_id=options["worker_id"], backend_name=options["backend_name"]
        )
        lifeline.start()
        try:
            return super().handle(*args, **options)
        finally:
            lifeline.stop()
