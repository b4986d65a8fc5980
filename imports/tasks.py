"""The imports app's background job (see films/tasks.py for the pattern)."""

from django_tasks import task

from .services import letterboxd_import_process


@task()
def letterboxd_import_run(*, letterboxd_import_id):
    """Match and apply a Letterboxd import's pending rows.

    Returns {"status", "processed", "total"}. Safe to run again (a lost
    worker's job is requeued): it carries on with the rows still pending.
    Raises JobFailed when TMDB stays unavailable (the import is marked failed).
    """
    done = letterboxd_import_process(letterboxd_import_id=letterboxd_import_id)
    return {"status": done.status, "processed": done.processed, "total": done.total}
