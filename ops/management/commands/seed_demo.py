from django.core.management.base import BaseCommand

from ops.demo import DEMO_PASSWORD, demo_catalogue_load


class Command(BaseCommand):
    help = "Load the bundled demo catalogue, demo members and pages (idempotent)."

    def handle(self, *args, **options):
        def progress(i, total, film):
            if self.verbosity >= 2 or i == total or i % 10 == 0:
                self.stdout.write(f"  [{i:>3}/{total}] {film}")

        self.verbosity = options["verbosity"]
        summary = demo_catalogue_load(progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo catalogue ready: {summary['films']} films, "
                f"{summary['members']} demo members "
                f"(password '{DEMO_PASSWORD}')."
            )
        )
