from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from films.services import films_refresh_from_tmdb
from films.tmdb import TMDBAuthError, TMDBNotConfigured

BAR_WIDTH = 20


STATUS_LABELS = {
    "updated": "updated",
    "would_update": "would update",
    "unchanged": "unchanged",
    "missing": "gone from TMDB (kept, marked)",
    "failed": "failed",
}


def _text(value, limit=70):
    if isinstance(value, tuple):  # (person, character)
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
        "TMDB no longer has is kept and marked as no longer synced."
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
            counts = films_refresh_from_tmdb(
                older_than=timedelta(days=older_than),
                dry_run=dry_run,
                progress=self.progress,
            )
        except (TMDBNotConfigured, TMDBAuthError) as e:
            raise CommandError(str(e)) from e
        self.summary(counts)

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
