"""Write-side film logic: importing films from TMDB and keeping them fresh.

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
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import partial

from django.db import DataError, IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.search import index as search_index

from .genres import genre_names_english, genre_translations_add, genres_for_tmdb
from .models import (
    BASE_LANGUAGE,
    TRANSLATION_LANGUAGES,
    Credit,
    Film,
    FilmTranslation,
    Person,
)
from .posters import (
    InvalidPoster,
    poster_image_delete_if_unused,
    poster_image_discard,
    poster_image_from_tmdb,
    poster_renditions_create,
)
from .selectors import film_list_stale
from .tmdb import (
    TMDBAuthError,
    TMDBBadResponse,
    TMDBError,
    TMDBNotFound,
    get_client,
    tmdb_language,
)

log = logging.getLogger(__name__)


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


CAST_SIZE = 10
# First key of the two-int PostgreSQL advisory locks: "FILM" in ASCII.
_IMPORT_LOCK_NAMESPACE = 0x46494C4D


class AdultFilmRefused(Exception):
    """TMDB flags the film `adult`: FilmTracker does not list those."""

    message = gettext_lazy(
        "FilmTracker does not list adult films, so this one cannot be added."
    )


def film_import_from_tmdb(*, tmdb_id, client=None):
    """Create or update the one Film for `tmdb_id`; returns (film, created).

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
    movies = _movie_details_all(client=client, tmdb_id=tmdb_id)
    if movies[BASE_LANGUAGE].adult:
        raise AdultFilmRefused(tmdb_id)
    return _film_save_from_tmdb(client=client, movies=movies)


def _movie_details_all(*, client, tmdb_id, fresh=False):
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


def film_translation_fields_from_tmdb(*, movie, base):
    """FilmTranslation values from `movie` (a translated TMDB record), or None.

    TMDB answers an untranslated title with the original title and an
    untranslated overview with "": such fields stay empty, so the English
    ones show instead.
    """
    title = movie.title
    if title == base.title or (
        title == movie.original_title and title != base.title and not movie.overview
    ):
        title = ""
    fields = {
        "title": title[:255],
        "overview": "" if movie.overview == base.overview else movie.overview,
        "tagline": ("" if movie.tagline == base.tagline else movie.tagline)[:255],
    }
    return fields if any(fields.values()) else None


def film_translations_save(*, film, movies):
    """Store (or remove) `film`'s translations from {language: TMDBMovie}."""
    base = movies[BASE_LANGUAGE]
    for language, movie in movies.items():
        if language == BASE_LANGUAGE or language not in dict(TRANSLATION_LANGUAGES):
            continue
        fields = film_translation_fields_from_tmdb(movie=movie, base=base)
        if fields is None:
            FilmTranslation.objects.filter(film=film, language=language).delete()
        else:
            FilmTranslation.objects.update_or_create(
                film=film, language=language, defaults=fields
            )


def film_fields_from_tmdb(movie):
    """The Film field values TMDB's record gives, fitted to the columns."""
    vote = min(max(Decimal(str(movie.vote_average)), Decimal(0)), Decimal(10))
    runtime = movie.runtime if movie.runtime and movie.runtime < 32768 else None
    return {
        "imdb_id": movie.imdb_id[:12],
        "title": (movie.title or movie.original_title or f"TMDB {movie.tmdb_id}")[:255],
        "original_title": movie.original_title[:255],
        "original_language": movie.original_language,
        "release_date": movie.release_date,
        "year": movie.year,
        "overview": movie.overview,
        "tagline": movie.tagline[:255],
        "runtime": runtime,
        "tmdb_vote_average": vote.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),
        "tmdb_vote_count": max(movie.vote_count, 0),
        "popularity": max(movie.popularity, 0.0),
    }


def _film_save_from_tmdb(*, client, movies):
    movie = movies[BASE_LANGUAGE]
    english_genres = genre_names_english(client=client, movie=movie)
    try:
        try:
            return _film_save_once(
                client=client, movies=movies, genre_names=english_genres
            )
        except IntegrityError:
            # Another importer inserted this film (or a person, or the slug)
            # after we looked; their row is committed now, so one more pass
            # updates it.
            log.info("Import race on TMDB film %s; retrying once", movie.tmdb_id)
            return _film_save_once(
                client=client, movies=movies, genre_names=english_genres
            )
    except (IntegrityError, DataError) as e:
        # Not a race: this film's data clashes with ours. One film must not
        # stop an import page or a refresh run; the log has the details.
        log.exception("TMDB film %s could not be saved", movie.tmdb_id)
        raise FilmImportFailed(movie.tmdb_id) from e


def _film_save_once(*, client, movies, genre_names):
    movie = movies[BASE_LANGUAGE]
    with _import_lock(movie.tmdb_id):
        known = Film.objects.filter(tmdb_id=movie.tmdb_id).first()
        poster = None
        if movie.poster_path and movie.poster_path != getattr(
            known, "tmdb_poster_path", ""
        ):
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
    # The film's index entry was written by film.save(), before its
    # translations: index it again with them once they are committed.
    transaction.on_commit(partial(_film_reindex, film.pk), robust=True)
    return film, created


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
    _credits_replace(film=film, movie=movie)
    film_translations_save(film=film, movies=movies)
    return film, created, replaced


@contextmanager
def _import_lock(tmdb_id):
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


def _poster_download(*, client, movie):
    image = client.download_poster(poster_path=movie.poster_path)
    try:
        return poster_image_from_tmdb(
            title=film_fields_from_tmdb(movie)["title"],
            tmdb_id=movie.tmdb_id,
            content=image.content,
        )
    except InvalidPoster as e:
        raise TMDBBadResponse(
            f"TMDB poster {movie.poster_path} for film {movie.tmdb_id}: {e}",
            http_status=200,
        ) from e


def _person_key(person):
    # The demo catalogue's people have no TMDB id: their name is their key.
    return person.name[:200] if person.tmdb_id is None else person.tmdb_id


def _people_upsert(people):
    """{_person_key(p): Person} for TMDB people (tmdb_id None: found by name)."""
    found = {}
    for name in sorted({p.name[:200] for p in people if p.tmdb_id is None}):
        found[name] = Person.objects.filter(name=name).order_by(
            "pk"
        ).first() or Person.objects.create(name=name)
    people = [p for p in people if p.tmdb_id is not None]
    found.update(_people_with_ids_upsert(people))
    return found


def _people_with_ids_upsert(people):
    names = {p.tmdb_id: p.name[:200] for p in people}
    found = {p.tmdb_id: p for p in Person.objects.filter(tmdb_id__in=names)}
    for tmdb_id, name in sorted(names.items()):  # see genres_for_tmdb
        person = found.get(tmdb_id)
        if person is None:
            # The demo catalogue (and editors) add people without TMDB ids;
            # adopt such a namesake rather than show the same person twice.
            person = Person.objects.filter(tmdb_id__isnull=True, name=name).first()
            if person is None:
                person, _ = Person.objects.get_or_create(
                    tmdb_id=tmdb_id, defaults={"name": name}
                )
            else:
                person.tmdb_id = tmdb_id
                person.save(update_fields=["tmdb_id"])
            found[tmdb_id] = person
        elif person.name != name:
            person.name = name
            person.save(update_fields=["name"])
    return found


def _credits_replace(*, film, movie):
    cast = movie.cast[:CAST_SIZE]
    people = _people_upsert([*movie.directors, *cast])
    credits = {}
    for order, director in enumerate(movie.directors):
        person = people[_person_key(director)]
        credits[(person.pk, Credit.Role.DIRECTOR)] = Credit(
            film=film, person=person, role=Credit.Role.DIRECTOR, order=order
        )
    for order, member in enumerate(cast):
        person = people[_person_key(member)]
        credit = credits.get((person.pk, Credit.Role.CAST))
        if credit is not None:  # one actor, two parts
            credit.character = f"{credit.character} / {member.character}"[:255]
            continue
        credits[(person.pk, Credit.Role.CAST)] = Credit(
            film=film,
            person=person,
            role=Credit.Role.CAST,
            character=member.character[:255],
            order=order,
        )
    film.credits.all().delete()
    Credit.objects.bulk_create(credits.values())


# --- refreshing -------------------------------------------------------------


@dataclass
class FilmRefreshResult:
    film: Film
    status: str  # updated | unchanged | missing | failed (dry run: would_update)
    changes: dict = field(default_factory=dict)  # label -> (old, new)
    error: str = ""


def film_tmdb_changes(*, film, movie):
    """What a sync would change on `film`, as {label: (old, new)}.

    TMDB's vote figures and popularity move daily; they are refreshed on every
    sync but not reported as changes.
    """
    quiet = {"tmdb_vote_average", "tmdb_vote_count", "popularity"}
    changes = {}
    for name, new in film_fields_from_tmdb(movie).items():
        old = getattr(film, name)
        if name not in quiet and (old or None) != (new or None):
            changes[name] = (old, new)
    current = {
        "genres": sorted((g.tmdb_id for g in film.genres.all()), key=str),
        "directors": [p.name for p in film.directors],
        "cast": [(c.person.name, c.character) for c in film.cast],
    }
    wanted = {
        "genres": sorted((g.tmdb_id for g in movie.genres), key=str),
        "directors": [d.name for d in movie.directors],
        "cast": [(c.name, c.character) for c in movie.cast[:CAST_SIZE]],
    }
    for label, new in wanted.items():
        if current[label] != new:
            changes[label] = (current[label], new)
    if movie.poster_path and movie.poster_path != film.tmdb_poster_path:
        changes["poster"] = (film.tmdb_poster_path or None, movie.poster_path)
    return changes


def film_refresh_from_tmdb(*, film, dry_run=False):
    """Re-sync one film from TMDB (bypassing the cache); see FilmRefreshResult.

    A film TMDB no longer has (404) is kept, marked `tmdb_missing`. Other
    TMDB errors propagate; the film is then left exactly as it was.
    """
    client = get_client()
    try:
        movies = _movie_details_all(client=client, tmdb_id=film.tmdb_id, fresh=True)
    except TMDBNotFound:
        if not dry_run:
            Film.objects.filter(pk=film.pk).update(
                tmdb_missing=True, updated_at=timezone.now()
            )
        return FilmRefreshResult(film=film, status="missing")
    movie = movies[BASE_LANGUAGE]
    changes = film_tmdb_changes(film=film, movie=movie)
    if dry_run:
        return FilmRefreshResult(
            film=film,
            status="would_update" if changes else "unchanged",
            changes=changes,
        )
    film, _ = _film_save_from_tmdb(client=client, movies=movies)
    return FilmRefreshResult(
        film=film, status="updated" if changes else "unchanged", changes=changes
    )


def films_refresh_from_tmdb(*, older_than, dry_run=False, progress=None):
    """Refresh every film last synced before `older_than` (a timedelta) ago.

    `progress(index, total, result)` is called after each film. Returns the
    count per status. A refused key stops the run (every film would fail);
    any other TMDB error marks that film failed and the run goes on.
    """
    get_client()  # TMDBNotConfigured before anything else
    films = list(film_list_stale(older_than=older_than))
    counts = dict.fromkeys(
        ("updated", "would_update", "unchanged", "missing", "failed"), 0
    )
    for index, film in enumerate(films, start=1):
        try:
            result = film_refresh_from_tmdb(film=film, dry_run=dry_run)
        except TMDBAuthError:
            raise
        except (TMDBError, FilmImportFailed) as e:
            result = FilmRefreshResult(film=film, status="failed", error=str(e))
        counts[result.status] += 1
        if progress:
            progress(index, len(films), result)
    return counts
