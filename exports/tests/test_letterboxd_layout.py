"""The Letterboxd ZIP: Letterboxd's own export layout, markup, dates, text and
escaping, and whose history it is."""

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
    DAY,
    FILMS,
    WATCHLIST,
    directed_by,
    entry,
    export,
    read_export,
    read_zip,
    review_text,
    viewing,
)

pytestmark = pytest.mark.django_db


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
    # An importer gets the text back exactly (filmtracker.csv_cells.cell_unescape).
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
