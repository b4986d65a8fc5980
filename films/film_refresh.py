"""Keeping imported films fresh: re-syncing them from TMDB, one or all stale.

Each refresh goes through the import's own save (`films.film_import`), so a
refreshed film is written exactly like a newly imported one.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from .film_import import FilmImportFailed, film_save_from_tmdb, movie_details_all
from .film_import_rows import CAST_SIZE, film_fields_from_tmdb
from .models import BASE_LANGUAGE, Film
from .selectors import film_list_stale
from .tmdb import TMDBAuthError, TMDBError, TMDBNotFound, get_client


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
        movies = movie_details_all(client=client, tmdb_id=film.tmdb_id, fresh=True)
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
    film, _ = film_save_from_tmdb(client=client, movies=movies)
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
