"""The Letterboxd ZIP: its files, columns and rows (exports.services)."""

import pytest

from exports import letterboxd
from exports.services import letterboxd_export_zip
from films.factories import FilmFactory
from reviews.models import UserFilm

from .helpers import (
    DAY,
    FILMS,
    WATCHLIST,
    directed_by,
    entry,
    export,
    read_csv,
    read_zip,
    viewing,
)

pytestmark = pytest.mark.django_db


def test_every_file_is_there_with_its_header_even_when_empty(member):
    files = read_zip(letterboxd_export_zip(user=member))
    assert list(files) == ["README.txt", *letterboxd.FILES]
    for name, header in letterboxd.FILES.items():
        assert read_csv(files[name]) == (header, [])
    assert "films-import.csv" in files["README.txt"]


def test_the_headers_are_letterboxds():
    # The importer's names (Letterboxd's import page) ...
    assert letterboxd.IMPORT_FILMS_COLUMNS == [
        "Title",
        "Year",
        "tmdbID",
        "imdbID",
        "Directors",
        "WatchedDate",
        "Rating10",
        "Rewatch",
        "Review",
    ]
    # ... and its export's, in its order, our extra columns after them.
    assert letterboxd.DIARY_COLUMNS[:8] == [
        "Date",
        "Name",
        "Year",
        "Letterboxd URI",
        "Rating",
        "Rewatch",
        "Tags",
        "Watched Date",
    ]
    assert letterboxd.RATINGS_COLUMNS[:5] == [
        "Date",
        "Name",
        "Year",
        "Letterboxd URI",
        "Rating",
    ]
    assert letterboxd.REVIEWS_COLUMNS[:9] == [
        "Date",
        "Name",
        "Year",
        "Letterboxd URI",
        "Rating",
        "Rewatch",
        "Review",
        "Tags",
        "Watched Date",
    ]


def test_a_viewing_per_row_with_rewatch_and_the_review_on_the_latest(member):
    film = FilmFactory(title="The Matrix", year=1999, tmdb_id=603, imdb_id="tt0133093")
    directed_by(film, "Lana Wachowski", "Lilly Wachowski")
    entry(member, film, rating=9, comment="Still great.")
    viewing(member, film, DAY(2024, 3, 1), rating=9)
    viewing(member, film, DAY(2020, 1, 5), rating=7, note="First time.")

    rows = export(member)[FILMS]
    film_cells = {
        "Title": "The Matrix",
        "Year": "1999",
        "tmdbID": "603",
        "imdbID": "tt0133093",
        "Directors": "Lana Wachowski, Lilly Wachowski",
    }
    assert rows == [
        {
            **film_cells,
            "WatchedDate": "2020-01-05",
            "Rating10": "7",
            "Rewatch": "false",
            "Review": "First time.",
        },
        {
            **film_cells,
            "WatchedDate": "2024-03-01",
            "Rating10": "9",
            "Rewatch": "true",
            "Review": "Still great.",
        },
    ]


@pytest.mark.parametrize(
    ("latest", "why"),
    [
        ({"rating": 6}, "the current rating is not the latest viewing's"),
        ({"rating": 9, "note": "A note."}, "the latest viewing has its own note"),
    ],
)
def test_what_the_latest_viewing_cannot_carry_gets_an_undated_row(member, latest, why):
    film = FilmFactory()
    entry(member, film, rating=9, comment="My review.")
    viewing(member, film, DAY(2024, 3, 1), **latest)

    rows = export(member)[FILMS]
    assert len(rows) == 2, why
    assert rows[0]["WatchedDate"] == "2024-03-01"
    assert rows[0]["Review"] == latest.get("note", "")
    assert rows[1]["WatchedDate"] == ""
    assert (rows[1]["Rating10"], rows[1]["Review"]) == ("9", "My review.")


def test_a_film_without_viewings_is_one_row_with_the_entrys_date(member):
    rated = FilmFactory(title="Rated")
    entry(member, rated, rating=3, watched_on=DAY(2021, 6, 2), comment="Meh.")
    seen = FilmFactory(title="Seen")
    entry(member, seen)

    rows = {row["Title"]: row for row in export(member)[FILMS]}
    assert rows["Rated"]["WatchedDate"] == "2021-06-02"
    assert (rows["Rated"]["Rating10"], rows["Rated"]["Review"]) == ("3", "Meh.")
    assert rows["Seen"]["WatchedDate"] == rows["Seen"]["Rating10"] == ""


def test_statuses_map_to_watched_watchlist_or_nothing(member):
    kinds = {
        "want": {"status": UserFilm.Status.WANT, "comment": "Someday."},
        "watching": {"status": UserFilm.Status.WATCHING},
        "watching rated": {"status": UserFilm.Status.WATCHING, "rating": 4},
        "dropped": {"status": UserFilm.Status.DROPPED},
        "dropped reviewed": {"status": UserFilm.Status.DROPPED, "comment": "Dull."},
        "watched": {"status": UserFilm.Status.WATCHED},
    }
    for title, fields in kinds.items():
        entry(member, FilmFactory(title=title), **fields)
    dropped_but_logged = FilmFactory(title="dropped logged")
    entry(member, dropped_but_logged, status=UserFilm.Status.DROPPED)
    viewing(member, dropped_but_logged, DAY(2024, 1, 1))

    files = export(member)

    def titles(name, column="Name"):
        return sorted(row[column] for row in files[name])

    watched = ["dropped logged", "dropped reviewed", "watched", "watching rated"]
    assert titles(FILMS, "Title") == watched
    assert titles("watched.csv") == watched
    assert titles(WATCHLIST, "Title") == titles("watchlist.csv") == ["want", "watching"]
    # A want-to-watch note is no review: Letterboxd would mark the film watched.
    assert titles("reviews.csv") == ["dropped reviewed"]
    assert titles("ratings.csv") == ["watching rated"]


def test_a_viewing_whose_entry_was_deleted_is_still_in_the_diary(member):
    film = FilmFactory(title="Orphan")
    viewing(member, film, DAY(2024, 2, 2), rating=5)
    files = export(member)
    assert [row["Rating10"] for row in files[FILMS]] == ["5"]
    assert [row["Watched Date"] for row in files["diary.csv"]] == ["2024-02-02"]
    assert [row["Name"] for row in files["watched.csv"]] == ["Orphan"]
