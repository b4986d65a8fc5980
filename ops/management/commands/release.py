from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from films.models import Film
from filmtracker.db import LockTimeout, db_advisory_lock
from ops.demo import demo_catalogue_fingerprint
from ops.selectors import demo_seed_current


def migrations_pending():
    """True when `migrate` has something to apply (asking costs ~0.1 s; a
    `migrate` with nothing to do still takes seconds of post-migrate work)."""
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


class Command(BaseCommand):
    help = (
        "Prepare the database for this release: migrate, load the demo catalogue "
        "when the catalogue is empty (unless --no-seed), create the admin and "
        "print how to sign in. Runs under a PostgreSQL advisory lock, so "
        "containers starting together take turns instead of migrating at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-seed",
            action="store_true",
            help="Do not load the demo catalogue, even into an empty database.",
        )
        parser.add_argument(
            "--reseed-on-change",
            action="store_true",
            help=(
                "Also reload the demo catalogue when the bundled one changed "
                "since it was loaded (`make run`; it rewrites the demo films)."
            ),
        )
        parser.add_argument(
            "--url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="The site's address, as printed with the sign-in details.",
        )
        parser.add_argument(
            "--lock-timeout",
            type=float,
            default=600,
            help="Seconds to wait for another container's release (default 600).",
        )

    def handle(self, *args, no_seed, reseed_on_change, url, lock_timeout, **options):
        verbosity = options["verbosity"]
        if connection.vendor == "postgresql":
            # Production cancels statements after DB_STATEMENT_TIMEOUT; a
            # migration building an index over a big table may take longer.
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
        try:
            with db_advisory_lock(name="filmtracker-release", timeout=lock_timeout):
                if migrations_pending():
                    call_command("migrate", interactive=False, verbosity=verbosity)
                if not no_seed and self._seed_wanted(reseed_on_change):
                    call_command("seed_demo", verbosity=verbosity)
                # Last, so the sign-in details end the output.
                call_command("ensure_admin", url=url, verbosity=verbosity)
        except LockTimeout as e:
            raise CommandError(
                f"Another release is still running ({e}); try again when it ends."
            ) from e

    @staticmethod
    def _seed_wanted(reseed_on_change):
        # Into an empty catalogue only, by default: the seed rewrites demo
        # films, and editors' changes must survive a container restart.
        if not Film.objects.exists():
            return True
        return reseed_on_change and not demo_seed_current(
            fingerprint=demo_catalogue_fingerprint()
        )
