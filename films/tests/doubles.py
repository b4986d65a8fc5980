"""TMDB result objects for tests that patch the TMDB selector or import service.

They are the client's real (frozen) types, so the views are tested against
what `tmdb_search_not_imported` really returns.
"""

from datetime import date

from films.tmdb_types import TMDBMovieSummary, TMDBSearchPage


def tmdb_movie(tmdb_id, title, year=None, *, genre_ids=(), overview=""):
    return TMDBMovieSummary(
        tmdb_id=tmdb_id,
        title=title,
        original_title=title,
        release_date=date(year, 1, 1) if year else None,
        year=year,
        overview=overview,
        poster_path=None,
        vote_average=7.5,
        vote_count=100,
        popularity=10.0,
        genre_ids=list(genre_ids),
    )


def tmdb_page(*movies, page=1, total_pages=1):
    return TMDBSearchPage(
        page=page,
        total_pages=total_pages,
        total_results=len(movies),
        results=list(movies),
    )
