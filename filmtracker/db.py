"""Database helpers for deployment: waiting for the server, a cross-host lock."""

import time
import zlib
from contextlib import contextmanager

from django.db import DatabaseError, OperationalError, connection
from django.db.migrations.executor import MigrationExecutor


class LockTimeout(Exception):
    pass


def db_wait(*, timeout, interval=1.0, using=connection):
    """Block until the database accepts connections; False after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            using.ensure_connection()
            return True
        except OperationalError:
            using.close()
            if time.monotonic() >= deadline:
                return False
            time.sleep(interval)


def db_migrated(*, using=connection):
    """True when every migration is applied (False too when unreachable)."""
    try:
        executor = MigrationExecutor(using)
        return not executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        using.close()
        return False


def db_wait_migrated(*, interval=2.0, using=connection, on_wait=None):
    """Block until every migration is applied (a job worker starting beside a
    web container that migrates). `on_wait()` is called once if it must wait."""
    if db_migrated(using=using):
        return
    if on_wait:
        on_wait()
    while not db_migrated(using=using):
        time.sleep(interval)


@contextmanager
def db_advisory_lock(*, name, timeout, interval=0.5, using=connection):
    """Hold a PostgreSQL session advisory lock named `name` for the block.

    Several web containers starting together take turns through the block
    (migrations, first-start seeding). Other databases have no such lock and
    run the block directly (SQLite serves one host anyway).
    """
    if using.vendor != "postgresql":
        yield
        return
    key = zlib.crc32(name.encode())  # a stable 32-bit key for this name
    deadline = time.monotonic() + timeout
    with using.cursor() as cursor:
        while True:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            if cursor.fetchone()[0]:
                break
            if time.monotonic() >= deadline:
                raise LockTimeout(f"lock {name!r} still held after {timeout}s")
            time.sleep(interval)
    try:
        yield
    finally:
        with using.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
