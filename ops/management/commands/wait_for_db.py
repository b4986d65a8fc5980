from django.core.management.base import BaseCommand, CommandError

from filmtracker.db import db_wait


class Command(BaseCommand):
    help = "Wait until the database accepts connections (container start-up)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout", type=float, default=60, help="Seconds to wait (default 60)."
        )

    def handle(self, *args, timeout, **options):
        if not db_wait(timeout=timeout):
            raise CommandError(
                f"The database did not accept connections within {timeout:g}s; "
                "check DATABASE_URL and that the database server is running."
            )
        self.stdout.write("Database is ready.")
