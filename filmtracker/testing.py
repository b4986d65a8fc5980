"""Helpers for tests that need real parallelism (PostgreSQL concurrency tests)."""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connections
from wagtail.models import Collection

WAIT = 20  # seconds; a thread stuck longer than this is a deadlock


def run_in_parallel(calls):
    """Start the callables at the same moment, each on its own thread and connection.

    Returns their results in order; a deadlock fails the test after WAIT
    seconds instead of hanging it.
    """
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait(timeout=WAIT)
        try:
            return call()
        finally:
            connections.close_all()  # this thread's connection

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(run, call) for call in calls]
        return [future.result(timeout=WAIT * 3) for future in futures]


def ensure_root_collection():
    """Wagtail images need the root collection; a flush between transactional
    tests removes it, and with --reuse-db nothing serialised brings it back."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
