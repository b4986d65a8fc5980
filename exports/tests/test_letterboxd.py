"""The Letterboxd ZIP: its files, columns and rows (exports.services)."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from exports import letterboxd
from exports.services import letterboxd_export_zip
from films.factories import FilmFactory
from reviews.models import UserFilm

from .helpers import (
    directed_by,
    entry,
    read_csv,
    read_export,
    read_zip,
    review_text,
    viewing,
)

pytestmark = pytest.mark.django_db

FILMS = letterboxd.IMPORT_FILMS_FILE
WATCHLIST = letterboxd.IMPORT_WATCHLIST_FILE
DAY = datetime.date


@pytest.fixture
def member():
    return UserFactory(username="anna")


def export(user):
    return read_export(letterboxd_export_zip(user=user))


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


def test_letterboxds_own_layout_carries_ratings_reviews_and_notes(member):
    film = FilmFactory(title="Heat", year=1995, tmdb_id=949, imdb_id="tt0113277")
    entry(member, film, rating=9, comment="<b>Great</b>, long.")
    viewing(member, film, DAY(2019, 5, 1), rating=10, note="Cinema.")
    viewing(member, film, DAY(2023, 5, 1), rating=7)

    files = export(member)
    ids = {"tmdbID": "949", "imdbID": "tt0113277"}
    assert [
        {k: row[k] for k in ["Rating", "Rewatch", "Watched Date", "Review"]}
        for row in files["diary.csv"]
    ] == [
        {
            "Rating": "5",
            "Rewatch": "",
            "Watched Date": "2019-05-01",
            "Review": "Cinema.",
        },
        {"Rating": "3.5", "Rewatch": "Yes", "Watched Date": "2023-05-01", "Review": ""},
    ]
    assert {k: files["ratings.csv"][0][k] for k in ["Name", "Year", "Rating"]} == {
        "Name": "Heat",
        "Year": "1995",
        "Rating": "4.5",
    }
    review = files["reviews.csv"][0]
    # Letterboxd's reviews are markup: the text's own "<" stays text there.
    assert review["Review"] == "&lt;b&gt;Great&lt;/b&gt;, long."
    assert (review["Rating"], review["Rewatch"]) == ("4.5", "Yes")
    assert review["Watched Date"] == "2023-05-01"
    for name in ["diary.csv", "ratings.csv", "watched.csv", "reviews.csv"]:
        for row in files[name]:
            assert {k: row[k] for k in ids} == ids
            assert row["Letterboxd URI"] == ""


def test_reviews_and_notes_are_letterboxd_markup(member):
    film = FilmFactory()
    entry(member, film, rating=8, comment="Tom & Jerry <3\nSecond line\r\nThird")
    viewing(member, film, DAY(2024, 1, 1), rating=8, note="A & B")
    files = export(member)
    markup = "Tom &amp; Jerry &lt;3<br>Second line<br>Third"
    assert [row["Review"] for row in files[FILMS]] == ["A &amp; B", markup]
    assert files["reviews.csv"][0]["Review"] == markup
    assert files["diary.csv"][0]["Review"] == "A &amp; B"
    assert review_text(markup) == "Tom & Jerry <3\nSecond line\nThird"


def test_stars_are_written_as_letterboxd_writes_them():
    assert [letterboxd.stars(r) for r in [1, 2, 7, 10, None]] == [
        "0.5",
        "1",
        "3.5",
        "5",
        "",
    ]


def test_dates_logged_are_on_the_members_calendar(member):
    member.time_zone = "Pacific/Auckland"
    member.save()
    film = FilmFactory()
    late_evening_utc = datetime.datetime(2024, 3, 1, 20, 0, tzinfo=datetime.UTC)
    with mock.patch.object(timezone, "now", return_value=late_evening_utc):
        entry(member, film, rating=8)
        viewing(member, film, DAY(2024, 3, 1))
    files = export(member)
    # 20:00 UTC is already the next morning in Auckland.
    assert files["diary.csv"][0]["Date"] == "2024-03-02"
    assert files["ratings.csv"][0]["Date"] == "2024-03-02"


def test_russian_titles_are_utf8_without_a_byte_order_mark(member):
    film = FilmFactory(title="Ирония судьбы, или С лёгким паром!", year=1976)
    entry(member, film, rating=10, comment="Каждый год 31 декабря…")
    archive = letterboxd_export_zip(user=member)
    for name, text in read_zip(archive).items():
        assert not text.startswith("\ufeff"), name
    files = read_export(archive)
    assert files[FILMS][0]["Title"] == "Ирония судьбы, или С лёгким паром!"
    assert files["reviews.csv"][0]["Review"] == "Каждый год 31 декабря…"


def test_formulas_are_escaped_in_every_file(member):
    film = FilmFactory(title='=HYPERLINK("http://evil.example","x")', imdb_id="")
    directed_by(film, "@someone")
    entry(member, film, rating=8, comment="+1 for this")
    viewing(member, film, DAY(2024, 1, 1), rating=8, note="-ish")
    want = FilmFactory(title="\tTabbed")
    entry(member, want, status=UserFilm.Status.WANT)

    raw = read_zip(letterboxd_export_zip(user=member))
    cells = [
        cell
        for name, text in raw.items()
        if name.endswith(".csv")
        for line in text.splitlines()
        for cell in line.split(",")
    ]
    assert not [c for c in cells if c.lstrip('"').startswith(("=", "+", "-", "@"))]
    assert "'=HYPERLINK" in raw[FILMS]
    assert "'@someone" in raw[FILMS]
    assert "'+1 for this" in raw[FILMS]
    assert "'-ish" in raw["diary.csv"]
    assert "'\tTabbed" in raw[WATCHLIST]
    # An importer gets the text back exactly (exports.csv_cells.cell_unescape).
    assert export(member)[FILMS][0]["Title"] == film.title


def test_nobody_elses_history_is_exported(member):
    other = UserFactory()
    film = FilmFactory(title="Not mine")
    entry(other, film, rating=2, comment="Theirs.")
    viewing(other, film, DAY(2024, 1, 1))
    mine = FilmFactory(title="Mine")
    entry(member, mine, status=UserFilm.Status.WANT)
    files = export(member)
    assert sum(len(rows) for rows in files.values()) == 2
    assert "Not mine" not in str(files)
