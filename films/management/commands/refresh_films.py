from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django_tasks.base import TaskResultStatus

from films.models import Film
from films.selectors import film_list_stale
from films.services import films_refresh_from_tmdb
from films.tasks import film_refresh
from films.tmdb import TMDBAuthError, TMDBNotConfigured, get_client
from jobs.selectors import job_failed_with, job_failure_reason

BAR_WIDTH = 20


STATUS_LABELS = {
    "updated": "updated",
    "would_update": "would update",
    "unchanged": "unchanged",
    "missing": "gone from TMDB (kept, marked)",
    "failed": "failed",
    "queued": "queued",
    "deleted": "deleted meanwhile",
    "not_queued": "could not be queued",
}
# A failure count past this still exits with it (exit statuses end at 255).
MAX_EXIT_STATUS = 100


def _text(value, limit=70):
    if isinstance(value, tuple | list):  # (person, character); a job's: a list
        value = f"{value[0]} as {value[1]}" if value[1] else value[0]
    text = "–" if value in (None, "") else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_change(old, new):
    """One line for a change: lists say what goes and what comes."""
    if isinstance(old, list) and isinstance(new, list):
        gone = [_text(v) for v in old if v not in new]
        came = [_text(v) for v in new if v not in old]
        parts = [f"- {v}" for v in gone] + [f"+ {v}" for v in came]
        return "; ".join(parts) or "new order"
    return f"{_text(old)} -> {_text(new)}"


class Command(BaseCommand):
    help = (
        "Re-sync films from TMDB that were last synced more than --older-than days "
        "ago. TMDB's terms allow keeping its data for 6 months at most; the default "
        "keeps every film well inside that when this runs at least weekly. A film "
        "TMDB no longer has is kept and marked as no longer synced. Each film is "
        "one background job (`manage.py db_worker` runs them; with "
        "TASKS_BACKEND=immediate they run here and then). The exit status is the "
        "number of films that failed or could not be queued (at most 100)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.TMDB_REFRESH_AFTER_DAYS,
            metavar="DAYS",
            help="refresh films synced more than DAYS ago "
            "(default: %(default)s, TMDB_REFRESH_AFTER_DAYS)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="list what would change and save nothing",
        )

    def handle(self, *args, older_than, dry_run, verbosity, **options):
        if older_than < 0:
            raise CommandError("--older-than must be 0 or more days.")
        self.verbosity, self.dry_run = verbosity, dry_run
        try:
            if dry_run:
                counts = films_refresh_from_tmdb(
                    older_than=timedelta(days=older_than),
                    dry_run=dry_run,
                    progress=self.progress,
                )
            else:
                counts = self.enqueue(older_than=timedelta(days=older_than))
        except (TMDBNotConfigured, TMDBAuthError) as e:
            raise CommandError(str(e)) from e
        self.summary(counts)
        failed = counts["failed"] + counts.get("not_queued", 0)
        if failed:
            raise CommandError(
                f"{failed} films failed or could not be queued.",
                returncode=min(failed, MAX_EXIT_STATUS),
            )

    def enqueue(self, *, older_than):
        """One job per stale film; with the immediate backend each has run
        when `enqueue` returns, so its outcome is counted and shown."""
        get_client()  # TMDBNotConfigured before anything is queued
        films = list(film_list_stale(older_than=older_than))
        counts = dict.fromkeys(STATUS_LABELS, 0)
        for index, film in enumerate(films, start=1):
            try:
                job = film_refresh.enqueue(film_id=film.pk)
            except DatabaseError as e:
                outcome = RefreshOutcome(film, "not_queued", error=str(e))
            else:
                if job_failed_with(job, TMDBAuthError):
                    # Every other film would be refused too.
                    raise TMDBAuthError(job_failure_reason(job))
                outcome = RefreshOutcome.of(film, job)
            counts[outcome.status] += 1
            self.progress(index, len(films), outcome)
        return counts

    def progress(self, index, total, result):
        if self.verbosity < 1:
            return
        filled = round(BAR_WIDTH * index / total)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        status = STATUS_LABELS[result.status]
        line = f"[{bar}] {index:>{len(str(total))}}/{total} {result.film}: {status}"
        if result.error:
            line += f" ({result.error})"
        style = {"failed": self.style.ERROR, "missing": self.style.WARNING}
        self.stdout.write(style.get(result.status, str)(line))
        for label, (old, new) in result.changes.items():
            self.stdout.write(f"      {label}: {describe_change(old, new)}")

    def summary(self, counts):
        total = sum(counts.values())
        if total == 0:
            self.stdout.write(self.style.SUCCESS("Every film is fresh; nothing to do."))
            return
        if counts.get("queued"):
            self.stdout.write(
                f"{counts['queued']} films queued for a refresh "
                "(`manage.py db_worker` runs them)."
            )
        if counts.get("not_queued"):
            self.stdout.write(
                self.style.ERROR(f"{counts['not_queued']} could not be queued.")
            )
        if total == counts.get("queued", 0) + counts.get("not_queued", 0):
            return
        changed = counts["would_update"] if self.dry_run else counts["updated"]
        verb = "would change" if self.dry_run else "updated"
        message = (
            f"{total} films checked: {changed} {verb}, {counts['unchanged']} "
            f"unchanged, {counts['missing']} gone from TMDB (kept, marked), "
            f"{counts['failed']} failed."
        )
        if self.dry_run:
            message += " Dry run: nothing was saved."
        failed = counts["failed"] > 0
        self.stdout.write(
            (self.style.WARNING if failed else self.style.SUCCESS)(message)
        )


class RefreshOutcome:
    """What the command shows for one film: from the dry run's FilmRefreshResult
    shape (film, status, error, changes), here built from a job's TaskResult."""

    def __init__(self, film, status, *, error="", changes=None):
        self.film, self.status, self.error = film, status, error
        self.changes = changes or {}

    @classmethod
    def of(cls, film, job):
        if job.status == TaskResultStatus.FAILED:
            return cls(film, "failed", error=job_failure_reason(job))
        if job.status != TaskResultStatus.SUCCESSFUL:
            return cls(film, "queued")
        value = job.return_value
        # As the job left it (a new title shows in its line).
        film = Film.objects.filter(pk=film.pk).first() or film
        return cls(film, value["status"], changes=value["changes"])
