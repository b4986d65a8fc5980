"""A film's poster from TMDB, and the lock that keeps one importer per film.

`film_import_lock` serialises everything that writes one TMDB film (an
import, a refresh, a late poster); `film_poster_fetch` is the second half of
an import made with `poster_later` (run by the films.tasks.film_poster_fetch
job).
"""

from contextlib import contextmanager
from functools import partial

from django.db import connection, transaction

from .models import Film
from .posters import (
    InvalidPoster,
    poster_image_delete_if_unused,
    poster_image_discard,
    poster_image_from_tmdb,
    poster_renditions_create,
)
from .tmdb import TMDBBadResponse, get_client

# First key of the two-int PostgreSQL advisory locks: "FILM" in ASCII.
_IMPORT_LOCK_NAMESPACE = 0x46494C4D


@contextmanager
def film_import_lock(tmdb_id):
    """One importer per TMDB id at a time (a PostgreSQL advisory lock).

    Held from "is it here?" through the poster download to the commit, so
    concurrent importers of one film download its poster once. Elsewhere the
    unique tmdb_id (and the retry on IntegrityError) keeps one row.
    """
    if connection.vendor != "postgresql":
        yield
        return
    key = [_IMPORT_LOCK_NAMESPACE, tmdb_id]
    if connection.in_atomic_block:
        # Called inside someone's transaction: hold the lock until it ends
        # (a session lock could outlive a failed transaction).
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", key)
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", key)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", key)


def poster_download(*, client, title, tmdb_id, poster_path):
    image = client.download_poster(poster_path=poster_path)
    try:
        return poster_image_from_tmdb(
            title=title, tmdb_id=tmdb_id, content=image.content
        )
    except InvalidPoster as e:
        raise TMDBBadResponse(
            f"TMDB poster {poster_path} for film {tmdb_id}: {e}",
            http_status=200,
        ) from e


def film_poster_fetch(*, film_id, poster_path, client=None):
    """Download TMDB's `poster_path` and make it film `film_id`'s poster.

    The second half of an import with `poster_later`. Idempotent: returns
    False, doing nothing, when the film is gone or already has this poster;
    True when it was attached. A replaced poster is deleted once unused.
    Raises a TMDBError subtype when TMDB cannot give the poster (nothing is
    saved then; the film keeps showing the placeholder).
    """
    client = client or get_client()
    film = Film.objects.filter(pk=film_id).first()
    if film is None or film.tmdb_poster_path == poster_path:
        return False
    with film_import_lock(film.tmdb_id):
        # Another job may have attached it while we waited for the lock.
        if (
            not Film.objects.filter(pk=film_id)
            .exclude(tmdb_poster_path=poster_path)
            .exists()
        ):
            return False
        poster = poster_download(
            client=client,
            title=film.title,
            tmdb_id=film.tmdb_id,
            poster_path=poster_path,
        )
        try:
            with transaction.atomic():
                film = Film.objects.select_for_update().get(pk=film_id)
                replaced, film.poster = film.poster, poster
                film.tmdb_poster_path = poster_path
                film.save()
        except BaseException:
            poster_image_discard(poster)
            raise
    transaction.on_commit(partial(poster_renditions_create, poster), robust=True)
    if replaced is not None:
        transaction.on_commit(
            partial(poster_image_delete_if_unused, replaced, replaced_on=film),
            robust=True,
        )
    return True
