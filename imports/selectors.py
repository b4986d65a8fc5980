"""Reading Letterboxd imports: a member's own, and what their report shows."""

from django_tasks.base import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from jobs.selectors import job_failure_reason

from .models import LetterboxdImport, LetterboxdRow

State = LetterboxdRow.State
# The rows a report lists, by state (matched rows are only counted).
REPORTED_STATES = (State.AMBIGUOUS, State.UNMATCHED, State.FAILED)


def letterboxd_imports_of(*, user):
    """`user`'s imports, newest first (nobody sees anyone else's)."""
    return LetterboxdImport.objects.filter(owner=user)


def letterboxd_import_of(*, user, pk):
    """`user`'s import `pk`; LetterboxdImport.DoesNotExist for anyone else's."""
    letterboxd_import = letterboxd_imports_of(user=user).get(pk=pk)
    _notice_lost_job(letterboxd_import)
    return letterboxd_import


def _notice_lost_job(letterboxd_import):
    """Show an import whose job ended as failed (a worker that kept dying
    under it, jobs.services.jobs_requeue_lost) as failed, with the job's reason.

    The job's own failures mark the import themselves; this is for the case
    where it never got the chance. Backends that keep no results are skipped.
    """
    if letterboxd_import.finished or not letterboxd_import.task_id:
        return
    from .tasks import letterboxd_import_run

    try:
        result = letterboxd_import_run.get_result(letterboxd_import.task_id)
    except (NotImplementedError, TaskResultDoesNotExist):
        return
    if result.status == TaskResultStatus.FAILED:
        letterboxd_import.status = LetterboxdImport.Status.FAILED
        letterboxd_import.error = job_failure_reason(result)


def letterboxd_report_rows(letterboxd_import):
    """{state: [rows]} for the ambiguous, unmatched and failed rows, in order.

    One query however many rows.
    """
    rows = {state: [] for state in REPORTED_STATES}
    reported = letterboxd_import.rows.filter(state__in=REPORTED_STATES)
    for row in reported.select_related("letterboxd_list").order_by("position"):
        rows[row.state].append(row)
    return rows


def letterboxd_report_lists(letterboxd_import):
    """The import's list files, each with the member's list it went to (or
    the reason it did not), by file name; one query."""
    return list(
        letterboxd_import.lists.select_related("film_list__owner").order_by(
            "file", "pk"
        )
    )
