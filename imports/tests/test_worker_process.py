"""A real `db_worker` killed in the middle of a Letterboxd import.

The first worker commits the first chunk of rows, then stalls on TMDB and
is killed (SIGKILL). A second worker finds it silent, queues the import's
job again and finishes it: every row once, no duplicate viewing or film.
"""

import signal
import time

import pytest

from jobs.tests.test_worker_process import (
    TIMEOUT,
    django,
    start_worker,
    wait_for,
    worker_env,  # noqa: F401 - a fixture
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ENQUEUE = """
import json
from accounts.factories import UserFactory
from imports.services import letterboxd_import_file
from imports.testing import csv_text, csv_upload, diary_row
rows = [
    diary_row("Heat", 1995, "2020-01-01", "4"),
    diary_row("Memento", 2000, "2020-01-02", "4.5"),
    diary_row("Arrival", 2016, "2020-01-03", "5"),
    diary_row("The Prestige", 2006, "2020-01-04", "4"),
]
done = letterboxd_import_file(
    user=UserFactory(), file=csv_upload("diary.csv", csv_text("diary.csv", rows))
)
print(json.dumps(done.pk))
"""

STATE = """
import json
from films.models import Film
from imports.models import LetterboxdImport
from reviews.models import Viewing
done = LetterboxdImport.objects.get(pk={pk})
print(json.dumps({{
    "status": done.status,
    "processed": done.processed,
    "created": done.created,
    "viewings": Viewing.objects.filter(user=done.owner).count(),
    "films": Film.objects.count(),
    "distinct_films": Film.objects.values("tmdb_id").distinct().count(),
}}))
"""


def test_a_killed_worker_mid_import_leaves_no_duplicates(fake_tmdb, worker_env):  # noqa: F811
    env = {**worker_env, "IMPORT_CHUNK_ROWS": "2"}
    pk = django(env, ENQUEUE)
    # The third film's details stall: the first chunk (two rows) is committed.
    fake_tmdb.fail_next("slow", path="/3/movie/329865", delay=30)
    first = start_worker(env)
    try:
        wait_for(lambda: fake_tmdb.count("/3/movie/329865") >= 1, "the third film")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=TIMEOUT)
    finally:
        first.kill()
        first.communicate()

    state = django(env, STATE.format(pk=pk))
    assert (state["status"], state["processed"], state["viewings"]) == (
        "running",
        2,
        2,
    )

    second = start_worker(env)
    try:
        deadline = time.monotonic() + TIMEOUT
        while (state := django(env, STATE.format(pk=pk)))["status"] == "running":
            assert time.monotonic() < deadline, "the import never finished"
            time.sleep(1)
    finally:
        second.send_signal(signal.SIGTERM)
        try:
            second.communicate(timeout=30)
        except Exception:
            second.kill()
            second.communicate()
    assert state == {
        "status": "done",
        "processed": 4,
        "created": 4,
        "viewings": 4,
        "films": 4,
        "distinct_films": 4,
    }
