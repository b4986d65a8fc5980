from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from films.models import Film
from filmtracker.db import LockTimeout, db_advisory_lock


class Command(BaseCommand):
    help = (
        "Prepare the database for this release: migrate, load the demo catalogue "
        "when the catalogue is empty (unless --no-seed), create the admin. Runs "
        "under a PostgreSQL advisory lock, so containers starting together take "
        "turns instead of migrating at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-seed",
            action="store_true",
            help="Do not load the demo catalogue, even into an empty database.",
        )
        parser.add_argument(
            "--lock-timeout",
            type=float,
            default=600,
            help="Seconds to wait for another container's release (default 600).",
        )

    def handle(self, *args, no_seed, lock_timeout, **options):
        verbosity = options["verbosity"]
        try:
            with db_advisory_lock(name="filmtracker-release", timeout=lock_timeout):
                call_command("migrate", interactive=False, verbosity=verbosity)
                # Only into an empty catalogue: the seed rewrites demo films, and
                # editors' changes must survive a restart.
                if not no_seed and not Film.objects.exists():
                    call_command("seed_demo", verbosity=verbosity)
                call_command("ensure_admin", verbosity=verbosity)
        except LockTimeout as e:
            raise CommandError(
                f"Another release is still running ({e}); try again when it ends."
            ) from e
