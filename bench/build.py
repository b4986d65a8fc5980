"""Create the benchmark database and fill it: schema, catalogue, search index."""

import hashlib
import time

import psycopg
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from wagtail.images import get_image_model
from wagtail.models import Collection

from films.models import Film
from films.posters import POSTER_SIZE, placeholder_poster_bytes
from lists.models import List, ListEntry

from .dataset import build_catalogue
from .search_index import index_all_films


class BenchDatabaseError(Exception):
    pass


def bench_db_name():
    name = settings.DATABASES["default"]["NAME"]
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise BenchDatabaseError("The benchmark needs PostgreSQL (DATABASE_URL).")
    # The command drops and recreates this database: never let it be a real one.
    if not name.endswith("_bench"):
        raise BenchDatabaseError(
            f"Refusing to use database {name!r}: its name must end in '_bench'."
        )
    return name


def _maintenance_connection():
    db = settings.DATABASES["default"]
    return psycopg.connect(
        dbname="postgres",
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        autocommit=True,
    )


def database_exists():
    with _maintenance_connection() as conn:
        row = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [bench_db_name()]
        ).fetchone()
    return row is not None


def recreate_database():
    name = bench_db_name()
    connection.close()
    with _maintenance_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def attach_posters(*, count, log):
    """Placeholder posters for the `count` most popular films and the newest ones.

    The listings the benchmark requests (home page, popular films' pages) show
    these; the long tail of a real catalogue has posters too, but rendering
    50,000 JPEGs would only measure Pillow. Image rows go in with bulk_create
    (Image.save would also index each image for search, one by one).
    """
    Image = get_image_model()
    root = Collection.get_first_root_node()
    newest = Film.objects.order_by("-created_at", "-pk").values_list("pk", flat=True)
    popular = Film.objects.order_by("-popularity", "pk").values_list("pk", flat=True)
    pks = list(dict.fromkeys([*newest[:24], *popular[:count]]))
    films = list(Film.objects.filter(pk__in=pks).order_by("pk"))
    images = []
    for film in films:
        content = placeholder_poster_bytes(title=film.title, year=film.year)
        name = default_storage.save(
            f"original_images/bench-{film.pk}.jpg", ContentFile(content)
        )
        images.append(
            Image(
                title=film.title[:255],
                file=name,
                width=POSTER_SIZE[0],
                height=POSTER_SIZE[1],
                file_size=len(content),
                file_hash=hashlib.sha1(content).hexdigest(),  # noqa: S324 - as Wagtail
                collection=root,
            )
        )
    Image.objects.bulk_create(images, batch_size=1_000)
    for film, image in zip(films, images, strict=True):
        film.poster = image
    Film.objects.bulk_update(films, ["poster"], batch_size=1_000)
    log(f"{len(films)} posters")


BENCH_LIST_SLUG = "bench-1000"
BENCH_LIST_SIZE = 1_000


def add_big_list(*, log):
    """A public, ranked list of the 1,000 most popular films, by the first member.

    Its page is a row of `make bench` (the heaviest list page: ten pages of
    100 films, the first one requested, with posters and the owner's ratings).
    """
    owner = get_user_model().objects.order_by("pk").first()
    film_list = List.objects.create(
        owner=owner, title="The 1,000 most popular", slug=BENCH_LIST_SLUG, ranked=True
    )
    films = Film.objects.order_by("-popularity", "pk").values_list("pk", flat=True)
    ListEntry.objects.bulk_create(
        (
            ListEntry(list=film_list, film_id=pk, position=position)
            for position, pk in enumerate(films[:BENCH_LIST_SIZE], start=1)
        ),
        batch_size=1_000,
    )
    log(f"a list of {film_list.entries.count()} films")


def build(*, seed, sizes, posters, log):
    started = time.monotonic()

    def step(message):
        log(f"  {message} ({time.monotonic() - started:.0f} s)")

    log(f"Building {bench_db_name()} (seed {seed})")
    recreate_database()
    call_command("migrate", verbosity=0, interactive=False)
    step("schema migrated")
    build_catalogue(seed=seed, sizes=sizes, log=step)
    step(f"search index: {index_all_films()} films")
    attach_posters(count=posters, log=step)
    add_big_list(log=step)
    with connection.cursor() as cursor:
        # Fresh statistics and visibility map, as autovacuum would give a live site.
        cursor.execute("VACUUM ANALYZE")
    step("vacuumed and analysed")
