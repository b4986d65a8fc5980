import datetime

import pytest

from films.factories import FilmFactory
from imports.models import LetterboxdImport
from imports.services import letterboxd_import_file
from imports.testing import csv_text, diary_row, export_zip, list_csv_text
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm, Viewing

pytestmark = pytest.mark.django_db


@pytest.fixture
def films():
    return {
        "amelie": FilmFactory(
            title="Amélie", original_title="Le Fabuleux Destin", year=2001
        ),
        "heat": FilmFactory(title="Heat", year=1995),
        "alien": FilmFactory(title="Alien", year=1979),
        "up": FilmFactory(title="Up", year=2009),
    }


def full_export():
    return export_zip(
        {
            "diary.csv": csv_text(
                "diary.csv",
                [
                    diary_row("Amelie", 2001, "2020-01-05", "3.5"),
                    diary_row("Amélie", 2001, "2023-02-01", "4.5", "Yes"),
                    diary_row("Heat", 1995, "2022-07-09", "5"),
                ],
            ),
            "ratings.csv": csv_text(
                "ratings.csv",
                [
                    {
                        "Date": "2023-02-01",
                        "Name": "Amélie",
                        "Year": 2001,
                        "Rating": "4",
                    },
                    {"Date": "2022-07-09", "Name": "Heat", "Year": 1995, "Rating": "5"},
                ],
            ),
            "watched.csv": csv_text(
                "watched.csv",
                [
                    {"Date": "2020-01-05", "Name": "Amélie", "Year": 2001},
                    {"Date": "2019-01-01", "Name": "Alien", "Year": 1979},
                ],
            ),
            "watchlist.csv": csv_text(
                "watchlist.csv",
                [
                    {"Date": "2021-01-01", "Name": "Up", "Year": 2009},
                    {"Date": "2021-01-01", "Name": "Heat", "Year": 1995},
                ],
            ),
            "reviews.csv": csv_text(
                "reviews.csv",
                [
                    {
                        "Date": "2020-01-05",
                        "Name": "Amélie",
                        "Year": 2001,
                        "Rating": "3.5",
                        "Review": "First <i>time</i>.",
                        "Watched Date": "2020-01-05",
                    },
                    {
                        "Date": "2023-02-01",
                        "Name": "Amélie",
                        "Year": 2001,
                        "Rating": "4.5",
                        "Review": "Better<br />now &amp; forever.",
                        "Watched Date": "2023-02-01",
                    },
                ],
            ),
            "profile.csv": "Date Joined,Username\n2019-01-01,member\n",
            "lists/favourites.csv": list_csv_text("Favourites", [("Heat", 1995, "")]),
            "notes.txt": "hello",
        }
    )


def entries(member):
    return {
        uf.film.title: (uf.status, uf.rating, uf.comment, uf.watched_on)
        for uf in UserFilm.objects.filter(user=member).select_related("film")
    }


def test_an_export_becomes_viewings_ratings_statuses_and_reviews(member, films):
    done = letterboxd_import_file(user=member, file=full_export())

    assert done.status == LetterboxdImport.Status.DONE
    assert (done.total, done.processed, done.matched) == (11, 11, 11)
    assert entries(member) == {
        "Amélie": ("watched", 8, "Better\nnow & forever.", datetime.date(2023, 2, 1)),
        "Heat": ("watched", 10, "", datetime.date(2022, 7, 9)),
        "Alien": ("watched", None, "", None),
        "Up": ("want", None, "", None),
    }
    viewings = Viewing.objects.filter(user=member).order_by("watched_on")
    assert [(v.film.title, v.watched_on.year, v.rating) for v in viewings] == [
        ("Amélie", 2020, 7),
        ("Heat", 2022, 10),
        ("Amélie", 2023, 9),
    ]
    assert sorted(f["file"] for f in done.ignored_files) == [
        "notes.txt",
        "profile.csv",
    ]


def test_importing_the_same_file_again_changes_nothing(member, films):
    letterboxd_import_file(user=member, file=full_export())
    before = (entries(member), Viewing.objects.count())

    again = letterboxd_import_file(user=member, file=full_export())

    assert (entries(member), Viewing.objects.count()) == before
    assert (again.created, again.updated, again.unchanged) == (0, 0, 11)


def test_what_the_member_has_is_kept_unless_replace_is_ticked(member, films):
    UserFilmFactory(user=member, film=films["heat"], rating=4, comment="Mine.")

    kept = letterboxd_import_file(user=member, file=full_export())
    assert entries(member)["Heat"][:3] == ("watched", 4, "Mine.")
    assert kept.rows.filter(reason__startswith="Kept").exists()

    letterboxd_import_file(user=member, file=full_export(), replace=True)
    assert entries(member)["Heat"][:3] == ("watched", 10, "Mine.")
