"""Our own files, read back with nothing but `csv`, say everything again.

What an importer of Letterboxd's export layout (this site's included) needs
to rebuild the member's entries, ratings, statuses, reviews and viewings is
in diary/ratings/watched/watchlist/reviews.csv; what Letterboxd's importer
needs is in for-letterboxd/. The round trip through the site's own importer
is tested where both meet.
"""

import datetime

import pytest

from accounts.factories import UserFactory
from exports import letterboxd
from exports.services import letterboxd_export_zip
from films.factories import FilmFactory
from reviews.diary_selectors import with_rewatch
from reviews.models import UserFilm, Viewing

from .helpers import add_history, entry, read_export, review_text, viewing

pytestmark = pytest.mark.django_db

DAY = datetime.date


@pytest.fixture
def member():
    user = UserFactory()
    add_history(user, films=2)
    odd = FilmFactory(title="-30-", year=1959, tmdb_id=42, imdb_id="")
    entry(user, odd, rating=1, comment='=cmd|"/c calc"!A1, and "quotes",\nlines')
    viewing(user, odd, DAY(2024, 4, 4), rating=1, note="@me")
    viewing(user, odd, DAY(2024, 4, 4), rating=3)  # the same day twice
    russian = FilmFactory(title="Сталкер", year=1979, tmdb_id=1398)
    entry(user, russian, status=UserFilm.Status.WANT)
    return user


def rating_of(stars):
    return round(float(stars) * 2) if stars else None


def test_letterboxds_export_layout_rebuilds_the_history(member):
    files = read_export(letterboxd_export_zip(user=member))

    statuses = {row["tmdbID"]: "watched" for row in files["watched.csv"]}
    statuses |= {row["tmdbID"]: "want" for row in files["watchlist.csv"]}
    ratings = {row["tmdbID"]: rating_of(row["Rating"]) for row in files["ratings.csv"]}
    reviews = {
        row["tmdbID"]: review_text(row["Review"]) for row in files["reviews.csv"]
    }
    viewings = sorted(
        (
            row["tmdbID"],
            row["Watched Date"],
            rating_of(row["Rating"]),
            review_text(row["Review"]),
            row["Rewatch"] == "Yes",
        )
        for row in files["diary.csv"]
    )

    entries = UserFilm.objects.filter(user=member).select_related("film")
    assert statuses == {str(e.film.tmdb_id): e.status for e in entries}
    assert ratings == {
        str(e.film.tmdb_id): e.rating for e in entries if e.rating is not None
    }
    assert reviews == {str(e.film.tmdb_id): e.comment for e in entries if e.comment}
    assert viewings == sorted(
        (str(v.film.tmdb_id), v.watched_on.isoformat(), v.rating, v.note, v.rewatch)
        for v in with_rewatch(Viewing.objects.filter(user=member)).select_related(
            "film"
        )
    )
    # Names and years are there for importers that match by them.
    names = {(row["Name"], row["Year"]) for row in files["watched.csv"]}
    assert ("-30-", "1959") in names


def test_letterboxds_importer_layout_has_every_viewing_rating_and_review(member):
    rows = read_export(letterboxd_export_zip(user=member))[letterboxd.IMPORT_FILMS_FILE]
    dated = sorted(
        (row["tmdbID"], row["WatchedDate"], row["Rewatch"] == "true")
        for row in rows
        if row["WatchedDate"]
    )
    viewings = with_rewatch(Viewing.objects.filter(user=member)).select_related("film")
    entries = UserFilm.objects.filter(user=member).select_related("film")
    undated_entry_dates = sorted(
        (str(e.film.tmdb_id), e.watched_on.isoformat(), False)
        for e in entries
        if e.watched_on and not Viewing.objects.filter(user=member, film=e.film)
    )
    assert dated == sorted(
        [(str(v.film.tmdb_id), v.watched_on.isoformat(), v.rewatch) for v in viewings]
        + undated_entry_dates
    )
    for e in entries.exclude(status=UserFilm.Status.WANT):
        film_rows = [row for row in rows if row["tmdbID"] == str(e.film.tmdb_id)]
        # Letterboxd ends with the current rating: the film's last rated row.
        rated = [row["Rating10"] for row in film_rows if row["Rating10"]]
        assert rated[-1] == str(e.rating)
        if e.comment:
            assert e.comment in [review_text(row["Review"]) for row in film_rows]
