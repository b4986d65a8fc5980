"""`manage.py bench`: build the benchmark catalogue, serve it with gunicorn, load it.

Run it through `make bench`, which sets the environment (production settings,
a `*_bench` DATABASE_URL, local http). The work lives in the `bench` package.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from bench.dataset import Sizes


class Command(BaseCommand):
    help = "Build a large generated catalogue and benchmark the site (make bench)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20240601)
        parser.add_argument("--films", type=int, default=Sizes.films)
        parser.add_argument("--members", type=int, default=Sizes.members)
        parser.add_argument("--ratings", type=int, default=Sizes.ratings)
        parser.add_argument("--people", type=int, default=Sizes.people)
        parser.add_argument("--viewings", type=int, default=Sizes.viewings)
        parser.add_argument("--posters", type=int, default=1_000)
        parser.add_argument(
            "--reuse", action="store_true", help="Keep an existing bench database."
        )
        parser.add_argument(
            "--build-only", action="store_true", help="Build the data, do not load."
        )
        parser.add_argument(
            "--duration", type=int, default=10, help="Seconds of load per endpoint."
        )
        parser.add_argument(
            "--load-duration", type=int, default=60, help="Seconds of the mixed run."
        )
        parser.add_argument("--connections", type=int, default=64)
        parser.add_argument("--workers", type=int, default=0, help="0: 2 x cores + 1")
        parser.add_argument(
            "--drop", action="store_true", help="Drop the bench database at the end."
        )

    def handle(self, *args, **opts):
        from bench.build import build, database_exists

        sizes = Sizes(
            films=opts["films"],
            members=opts["members"],
            ratings=opts["ratings"],
            people=opts["people"],
            viewings=opts["viewings"],
        )
        if opts["reuse"] and database_exists():
            # The data stays; schema changes since it was built still apply.
            call_command("migrate", verbosity=0, interactive=False)
        else:
            build(
                seed=opts["seed"],
                sizes=sizes,
                posters=opts["posters"],
                log=self.stdout.write,
            )
        if opts["build_only"]:
            return
        from bench.report import run_and_report

        run_and_report(opts=opts, out=self.stdout)
