"""Real `manage.py db_worker` processes on a real database queue.

A worker is killed (SIGKILL) in the middle of importing a film; the job stays
RUNNING with nothing of the film written. A second worker finds the first one
silent, queues the job again and runs it: one film, one poster, the job
successful after two tries. On SQLite the in-memory test database is copied to
a file the workers open; on PostgreSQL they share the test database.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

# Committed rows, so the workers see them. serialized_rollback: as in every
# transactional test here, the data made by migrations (content types, root
# collection) comes back for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(settings.BASE_DIR)
TIMEOUT = 180  # seconds; a loaded 2-core machine starts Django slowly


def database_url(tmp_path):
    """A DATABASE_URL for other processes that reaches this test's database."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        path = tmp_path / "queue.sqlite3"
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        return f"sqlite:///{path}"
    if connection.vendor == "postgresql":
        return (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        )
    pytest.fail(f"no worker test for {connection.vendor}")


@pytest.fixture
def worker_env(fake_tmdb, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "filmtracker.settings.dev",
        "DEBUG": "false",
        "DEBUG_TOOLBAR": "false",
        "DATABASE_URL": database_url(tmp_path),
        "TASKS_BACKEND": "database",
        "CACHE_URL": "locmem://worker-test",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "TMDB_BASE_URL": fake_tmdb.api_url,
        "TMDB_API_TOKEN": fake_tmdb.token,
        "TMDB_API_KEY": "",
        "TMDB_IMAGE_BASE_URL": "",
        "TMDB_TIMEOUT": "60",
        "JOBS_HEARTBEAT_SECONDS": "0.5",
        "JOBS_WORKER_LOST_AFTER": "3",
        "LOG_LEVEL": "WARNING",
    }
    return env


def django(env, code):
    """Run `code` in a Django shell of the workers' settings; its printed JSON."""
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def start_worker(env, *args):
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "db_worker", "--no-reload"]
        + ["--interval", "0.2", "--no-startup-delay", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for(condition, what):
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


STATE = """
import json
from django_tasks_db.models import DBTaskResult
from films.models import Film
from wagtail.images.models import Image
job = DBTaskResult.objects.get(pk="{job}")
films = Film.objects.filter(tmdb_id=603)
print(json.dumps({{
    "status": job.status,
    "tries": len(job.worker_ids),
    "films": films.count(),
    "genres": list(films.values_list("genres__name", flat=True)),
    "images": Image.objects.count(),
    "return_value": job.return_value,
}}))
"""


def test_a_job_killed_mid_way_runs_again_on_another_worker_without_duplicates(
    fake_tmdb, worker_env
):
    job = django(
        worker_env,
        "import json; from films.tasks import film_import; "
        "print(json.dumps(film_import.enqueue(tmdb_id=603).id))",
    )
    # The first worker stalls on the poster download: past TMDB's details,
    # before the film's transaction.
    fake_tmdb.fail_next("slow", path="/t/p/", delay=20)
    first = start_worker(worker_env)
    try:
        wait_for(lambda: fake_tmdb.count("/t/p/") >= 1, "the poster download")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=TIMEOUT)
    finally:
        first.kill()
        first.communicate()

    state = django(worker_env, STATE.format(job=job))
    assert (state["status"], state["films"], state["images"]) == ("RUNNING", 0, 0)

    second = start_worker(worker_env, "--max-tasks", "1")
    try:
        output, _ = second.communicate(timeout=TIMEOUT)
    finally:
        second.kill()
    assert second.returncode == 0, output
    assert "queued again" in output  # the second worker requeued the lost job

    state = django(worker_env, STATE.format(job=job))
    assert state["status"] == "SUCCESSFUL"
    assert state["tries"] == 2
    assert state["films"] == 1 and state["images"] == 1
    assert sorted(state["genres"]) == ["Action", "Science Fiction"]
    assert state["return_value"]["created"] is True
