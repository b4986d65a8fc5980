"""`manage.py bench_letterboxd_import`: a Letterboxd diary against the fake TMDB.

Imports a diary of --rows rows (over about 60 % as many films, none in the
catalogue yet: each is searched and imported from TMDB) in this process, as
one worker would, keeping the import's TMDB pace
(IMPORT_TMDB_REQUESTS_PER_SECOND), and prints rows/s. Writes a throwaway
member and films into the configured database: run it on a development or
benchmark database. The issue's target: 1,000 rows in under 2 minutes.
"""

import copy
import datetime
import time

from django.core.management.base import BaseCommand
from django.test import override_settings
from django.utils.crypto import get_random_string

from accounts.factories import UserFactory
from films.testing.fake_tmdb import FakeTMDB
from imports.services import letterboxd_import_file
from imports.testing import csv_text, csv_upload, diary_row

FIRST_ID = 9_100_000


def _synthetic_films(fake, count, tag):
    template = fake.data.movies[603]
    films = []
    for n in range(count):
        tmdb_id = FIRST_ID + n
        year = 1950 + n % 70
        movie = copy.deepcopy(template)
        movie.update(
            id=tmdb_id,
            title=f"Bench {tag} Film {n}",
            original_title=f"Bench {tag} Film {n}",
            release_date=f"{year}-06-01",
            poster_path=None,
            imdb_id=None,
        )
        fake.data.movies[tmdb_id] = movie
        films.append((movie["title"], year))
    return films


class Command(BaseCommand):
    help = "Time a Letterboxd diary import against the fake TMDB (prints rows/s)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=1000)

    def handle(self, *args, rows, **options):
        tag = get_random_string(6)
        with FakeTMDB() as fake:
            films = _synthetic_films(fake, max(1, rows * 6 // 10), tag)
            start = datetime.date(2015, 1, 1)
            diary = [
                diary_row(
                    *films[n % len(films)],
                    (start + datetime.timedelta(days=n)).isoformat(),
                    str(1 + n % 5),
                )
                for n in range(rows)
            ]
            upload = csv_upload("diary.csv", csv_text("diary.csv", diary))
            with override_settings(
                TMDB_BASE_URL=fake.api_url,
                TMDB_API_TOKEN=fake.token,
                TMDB_API_KEY="",
                TMDB_IMAGE_BASE_URL="",
                TASKS={
                    "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
                },
            ):
                member = UserFactory(username=f"bench-letterboxd-{tag}")
                began = time.perf_counter()
                done = letterboxd_import_file(
                    user=member, file=upload, background=False
                )
                seconds = time.perf_counter() - began
            requests = fake.count("/3/")
        self.stdout.write(
            f"Letterboxd import: {done.total} diary rows, {len(films)} films from "
            f"TMDB, {done.matched} matched, status {done.status}\n"
            f"  {seconds:.1f} s, {done.total / seconds:.1f} rows/s, "
            f"{requests} TMDB requests ({requests / seconds:.1f}/s)"
        )
