"""The films app's background jobs (django-tasks; `manage.py db_worker` runs them).

The pattern every job here follows (and new ones should):

- **Arguments are ids and plain values** (they are stored as JSON), never model
  instances: the job reads the rows as they are when it runs, and one whose
  row is gone by then has nothing to do.
- **The job is a thin shell around a service** whose writes are all-or-nothing
  (one transaction) and keyed by a natural key (the TMDB id): a worker killed
  half-way leaves nothing half-written, and running the job again, which
  happens when a worker dies under it (`jobs.services.jobs_requeue_lost`),
  leaves one row, never two.
- **A flaky service is waited out** with `jobs.retry.with_backoff` (TMDB's 429
  and 5xx: `TMDBUnavailable`); when it keeps failing the job raises `JobFailed`
  with a readable reason (`jobs.selectors.job_failure_reason`). Errors a retry
  cannot fix (a refused key) are raised at once.
- **The return value is small JSON** saying what happened.

Enqueue with `film_import.enqueue(tmdb_id=603)`; the TaskResult's `id` finds
it again (`film_import.get_result(id)`). Tests run jobs with the immediate
backend (the test settings), so `enqueue` runs the job there and then.
"""

from django_tasks import task

from jobs.retry import with_backoff

from .models import Film
from .services import film_import_from_tmdb, film_poster_fetch, film_refresh_from_tmdb
from .tmdb import TMDBUnavailable


@task()
def film_import(*, tmdb_id):
    """Import (or update) the film with this TMDB id.

    Returns {"film": pk, "created": bool}. Raises JobFailed when TMDB stays
    unavailable, TMDBNotFound when it has no such film.
    """
    film, created = with_backoff(
        lambda: film_import_from_tmdb(tmdb_id=tmdb_id),
        retry_on=TMDBUnavailable,
        what=f"Importing TMDB film {tmdb_id}",
    )
    return {"film": film.pk, "created": created}


@task()
def film_poster_fetch_job(*, film_id, poster_path):
    """Fetch the poster an import left for later (see films.film_poster).

    Returns {"attached": bool}: False when the film is gone or already has
    it. Raises JobFailed when TMDB stays unavailable.
    """
    attached = with_backoff(
        lambda: film_poster_fetch(film_id=film_id, poster_path=poster_path),
        retry_on=TMDBUnavailable,
        what=f"Fetching poster {poster_path} of film {film_id}",
    )
    return {"attached": attached}


@task()
def film_refresh(*, film_id):
    """Re-sync one film from TMDB (see `film_refresh_from_tmdb`).

    Returns {"status": "updated" | "unchanged" | "missing" | "deleted",
    "changes": {label: [old, new]}}; "deleted" when the film was removed
    after the job was queued. Raises JobFailed when TMDB stays unavailable.
    """
    film = Film.objects.filter(pk=film_id).first()
    if film is None:
        return {"status": "deleted", "changes": {}}
    result = with_backoff(
        lambda: film_refresh_from_tmdb(film=film),
        retry_on=TMDBUnavailable,
        what=f"Refreshing {film} (TMDB film {film.tmdb_id})",
    )
    return {"status": result.status, "changes": result.changes}
