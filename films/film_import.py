"""Importing one film from TMDB: its rows, its poster, all or nothing.

`film_import_from_tmdb` is the one way a TMDB film enters the catalogue. It is
idempotent (a second import updates the same row and keeps its slug) and safe
under concurrency: on PostgreSQL an advisory lock per TMDB id serialises
importers of the same film, so exactly one creates the row and downloads the
poster while the others wait and then find it; everywhere the unique
`tmdb_id` is the backstop (an IntegrityError means someone else won: we go
round once more and update their row). The poster image is stored first and
deleted again if the film's own transaction fails, so a failed import leaves
no film, no image and no file. Members' UserFilm rows are never touched.
"""

import logging
from functools import partial

from django.db import DataError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.search import index as search_index

from .film_import_rows import (
    film_credits_replace,
    film_fields_from_tmdb,
    film_translations_save,
)
from .film_poster import film_import_lock, poster_download
from .genres import genre_names_english, genre_translations_add, genres_for_tmdb
from .models import BASE_LANGUAGE, TRANSLATION_LANGUAGES, Film
from .posters import (
    poster_image_delete_if_unused,
    poster_image_discard,
    poster_renditions_create,
)
from .tmdb import get_client, tmdb_language

log = logging.getLogger("films.services")


class FilmImportFailed(Exception):
    """Our database refused a TMDB film's rows (after one retry); nothing saved.

    Not TMDB's fault and not the caller's: a conflict with rows already here
    (or data our columns cannot hold). Logged with the traceback when raised;
    `message` is what the site, the admin and the API tell the person.
    """

    message = gettext_lazy(
        "This film could not be saved: it clashes with data already here."
    )

    def __init__(self, tmdb_id):
        self.tmdb_id = tmdb_id
        super().__init__(f"TMDB film {tmdb_id} could not be saved")


class AdultFilmRefused(Exception):
    """TMDB flags the film `adult`: FilmTracker does not list those."""

    message = gettext_lazy(
        "FilmTracker does not list adult films, so this one cannot be added."
    )


def film_import_from_tmdb(*, tmdb_id, client=None, poster_later=False):
    """Create or update the one Film for `tmdb_id`; returns (film, created).

    With `poster_later` the poster is not downloaded here: once the film is
    committed a background job (films.tasks.film_poster_fetch_job) fetches it, and
    until then pages show the film with the "no poster" placeholder. A bulk
    import (Letterboxd) uses it, so a film costs two TMDB calls, not three,
    and a poster that fails never costs the member their row.

    The film's own fields are always TMDB's English (`en-US`) text; the text
    in every other site language (Russian: `ru-RU`) is fetched in the same
    import and stored as FilmTranslation rows, so a film can be found and
    read in either language from the moment it arrives.

    `client` answers like films.tmdb.TMDBClient (`movie_details`, `genres`,
    `download_poster`); the configured TMDB by default, the bundled demo
    catalogue for `seed_demo`.

    Raises a TMDBError subtype when TMDB cannot give the film or its poster,
    FilmImportFailed when our database refuses its rows, and AdultFilmRefused
    for a film TMDB flags adult; either way nothing is saved (no Film row, no
    image, no file).
    """
    client = client or get_client()
    movies = movie_details_all(client=client, tmdb_id=tmdb_id)
    if movies[BASE_LANGUAGE].adult:
        raise AdultFilmRefused(tmdb_id)
    return film_save_from_tmdb(client=client, movies=movies, poster_later=poster_later)


def movie_details_all(*, client, tmdb_id, fresh=False):
    """{site language: TMDBMovie} for English and every translation language."""
    # TMDB text in any other language has nowhere to go.
    wanted = [BASE_LANGUAGE, *(code for code, _name in TRANSLATION_LANGUAGES)]
    kwargs = {"fresh": True} if fresh else {}
    return {
        code: client.movie_details(
            tmdb_id=tmdb_id, language=tmdb_language(code), **kwargs
        )
        for code in wanted
    }


def film_save_from_tmdb(*, client, movies, poster_later=False):
    """Save {site language: TMDBMovie} as one Film; returns (film, created).

    `poster_later`: see film_import_from_tmdb.

    Raises FilmImportFailed when our database refuses the rows twice.
    """
    movie = movies[BASE_LANGUAGE]
    english_genres = genre_names_english(client=client, movie=movie)
    try:
        try:
            return _film_save_once(
                client=client,
                movies=movies,
                genre_names=english_genres,
                poster_later=poster_later,
            )
        except IntegrityError:
            # Another importer inserted this film (or a person, or the slug)
            # after we looked; their row is committed now, so one more pass
            # updates it.
            log.info("Import race on TMDB film %s; retrying once", movie.tmdb_id)
            return _film_save_once(
                client=client,
                movies=movies,
                genre_names=english_genres,
                poster_later=poster_later,
            )
    except (IntegrityError, DataError) as e:
        # Not a race: this film's data clashes with ours. One film must not
        # stop an import page or a refresh run; the log has the details.
        log.exception("TMDB film %s could not be saved", movie.tmdb_id)
        raise FilmImportFailed(movie.tmdb_id) from e


def _film_save_once(*, client, movies, genre_names, poster_later):
    movie = movies[BASE_LANGUAGE]
    with film_import_lock(movie.tmdb_id):
        known = Film.objects.filter(tmdb_id=movie.tmdb_id).first()
        poster = None
        new_poster = movie.poster_path and movie.poster_path != getattr(
            known, "tmdb_poster_path", ""
        )
        if new_poster and not poster_later:
            poster = _poster_download(client=client, movie=movie)
        try:
            film, created, replaced = _film_write(
                movies=movies, poster=poster, genre_names=genre_names
            )
        except BaseException:
            if poster is not None:
                poster_image_discard(poster)
            raise
    if poster is not None:
        transaction.on_commit(partial(poster_renditions_create, poster), robust=True)
    if replaced is not None:
        transaction.on_commit(
            partial(poster_image_delete_if_unused, replaced, replaced_on=film),
            robust=True,
        )
    if new_poster and poster_later:
        transaction.on_commit(
            partial(_poster_fetch_enqueue, film.pk, movie.poster_path), robust=True
        )
    # The film's index entry was written by film.save(), before its
    # translations: index it again with them once they are committed.
    transaction.on_commit(partial(_film_reindex, film.pk), robust=True)
    return film, created


def _poster_fetch_enqueue(film_id, poster_path):
    from .tasks import film_poster_fetch_job

    film_poster_fetch_job.enqueue(film_id=film_id, poster_path=poster_path)


def _film_reindex(pk):
    film = Film.objects.filter(pk=pk).first()
    if film is not None:
        search_index.insert_or_update_object(film)


@transaction.atomic
def _film_write(*, movies, poster, genre_names):
    """The film's rows, all or nothing. Returns (film, created, replaced poster).

    Saving the film is this transaction's only search-index write (the poster
    image was saved before it): the database search backend rewrites shared
    rows on every write, and two such writes in each of two concurrent
    transactions can deadlock. Genres and people come after, in id order.
    """
    movie = movies[BASE_LANGUAGE]
    film = Film.objects.select_for_update().filter(tmdb_id=movie.tmdb_id).first()
    created = film is None
    if created:
        film = Film(tmdb_id=movie.tmdb_id)
    for name, value in film_fields_from_tmdb(movie).items():
        setattr(film, name, value)
    film.tmdb_synced_at = timezone.now()
    film.tmdb_missing = False
    replaced = None
    if poster is not None:
        replaced, film.poster = film.poster, poster
        film.tmdb_poster_path = movie.poster_path
    film.save()
    genres = genres_for_tmdb(movie.genres, names=genre_names)
    film.genres.set(genres)
    genre_translations_add(genres, movies=movies)
    film_credits_replace(film=film, movie=movie)
    film_translations_save(film=film, movies=movies)
    return film, created, replaced


def _poster_download(*, client, movie):
    return poster_download(
        client=client,
        title=film_fields_from_tmdb(movie)["title"],
        tmdb_id=movie.tmdb_id,
        poster_path=movie.poster_path,
    )
