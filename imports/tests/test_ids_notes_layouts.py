"""What our own exports add to Letterboxd's files, and Letterboxd's import layout.

Escaped cells, the tmdbID and imdbID columns (matched before name and year),
the diary's viewing notes, several viewings on one day, and the CSV layout
Letterboxd's importer reads (what other tools write for it).
"""

import datetime

import pytest

from films.factories import FilmFactory
from films.models import Film
from films.tmdb import get_client
from imports.matching import Matcher
from imports.pacing import Pace
from imports.reading import export_read
from imports.resolving import letterboxd_row_resolve
from imports.services import letterboxd_import_file
from imports.testing import csv_text, csv_upload, diary_row, export_zip
from reviews.models import UserFilm, Viewing

pytestmark = pytest.mark.django_db

DIARY_COLUMNS = [
    *["Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Tags"],
    *["Watched Date", "tmdbID", "imdbID", "Review"],
]
IMPORT_COLUMNS = ["Title", "Year", "tmdbID", "imdbID", "WatchedDate", "Rating10"]
IMPORT_COLUMNS += ["Rewatch", "Review"]


def diary(*rows):
    return csv_upload("diary.csv", csv_text("diary.csv", rows, columns=DIARY_COLUMNS))


def run(member, upload):
    done = letterboxd_import_file(user=member, file=upload, background=False)
    assert done.status == "done", done.error
    return done


def records(upload):
    return export_read(upload).records


def test_escaped_cells_are_unescaped_and_other_apostrophes_kept():
    upload = diary(
        diary_row("'-30-", 1959, "2024-01-02") | {"Review": "'=SUM(A1)"},
        diary_row("'Round Midnight", 1986, "2024-01-03") | {"Review": "'quoted'"},
        diary_row("''=x", 2000, "2024-01-04") | {"Review": "'@home<br>& <b>out</b>"},
    )
    assert [(r.name, r.note) for r in records(upload)] == [
        ("-30-", "=SUM(A1)"),
        ("'Round Midnight", "'quoted'"),
        ("'=x", "@home\n& out"),
    ]


def test_ids_are_read_and_a_bad_one_is_a_problem_of_its_line():
    upload = diary(
        diary_row("Heat", 1995, "2022-07-09")
        | {"tmdbID": "949", "imdbID": "tt0113277"},
        diary_row("Alien", 1979, "2022-07-10") | {"tmdbID": "x9"},
        diary_row("Up", 2009, "2022-07-11") | {"imdbID": "nm0000001"},
    )
    export = export_read(upload)
    assert [(r.tmdb_id, r.imdb_id) for r in export.records] == [(949, "tt0113277")]
    assert [(p.line, p.reason) for p in export.problems] == [
        (3, "the tmdbID “x9” is not a TMDB id"),
        (4, "the imdbID “nm0000001” is not an IMDb id"),
    ]


def test_a_renamed_diary_of_ours_is_still_a_diary():
    text = csv_text("diary.csv", [diary_row("Heat", 1995, "2022-07-09")])
    ours = csv_text(
        "diary.csv", [diary_row("Heat", 1995, "2022-07-09")], columns=DIARY_COLUMNS
    )
    assert records(csv_upload("mine.csv", ours))[0].source == "diary"
    assert records(csv_upload("mine.csv", text))[0].source == "diary"


def matcher(client=None):
    return Matcher(client=client, pace=Pace(1_000_000))


def test_a_tmdb_id_beats_the_name_and_year():
    old = FilmFactory(title="Double", year=2013, tmdb_id=1)
    new = FilmFactory(title="Double", year=2013, tmdb_id=2, imdb_id="tt0000002")
    assert matcher().match(name="Double", year=2013).state == "ambiguous"
    assert matcher().match(name="Double", year=2013, tmdb_id=1).film == old
    assert matcher().match(name="Double", year=2013, imdb_id="tt0000002").film == new
    # An id that matches nothing here leaves the name and year to decide.
    assert matcher().match(name="Double", year=2013, tmdb_id=3).state == "ambiguous"
    nameless = matcher().match(name="", year=None, imdb_id="tt9999999")
    assert (nameless.state, nameless.reason) == (
        "unmatched",
        "No film with this TMDB or IMDb id was found.",
    )


def test_a_tmdb_id_not_here_is_imported_without_a_search(fake_tmdb):
    match = matcher(get_client()).match(name="Whatever", year=1800, tmdb_id=949)
    assert (match.state, match.film.title) == ("matched", "Heat")
    assert fake_tmdb.count("/3/search/") == 0
    assert Film.objects.filter(tmdb_id=949).count() == 1


def test_a_tmdb_id_tmdb_does_not_know_falls_back_to_the_name(fake_tmdb):
    match = matcher(get_client()).match(name="Heat", year=1995, tmdb_id=99_999_999)
    assert (match.state, match.film.tmdb_id) == ("matched", 949)


def test_the_diarys_review_column_is_the_viewings_note_not_the_review(member):
    heat = FilmFactory(title="Heat", year=1995, tmdb_id=949)
    run(member, diary(diary_row("Heat", 1995, "2022-07-09", "4") | {"Review": "Loud"}))
    assert list(Viewing.objects.values_list("film", "note", "rating")) == [
        (heat.pk, "Loud", 8)
    ]
    assert UserFilm.objects.get(user=member).comment == ""


def test_two_viewings_on_one_day_come_in_once_each(member):
    FilmFactory(title="Heat", year=1995)
    twice = diary(
        diary_row("Heat", 1995, "2022-07-09", "4"),
        diary_row("Heat", 1995, "2022-07-09", "4"),  # alike: watched twice
    )
    first = run(member, twice)
    assert first.created + first.updated == 2
    again = run(member, twice)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert Viewing.objects.filter(user=member).count() == 2


def test_a_viewing_already_here_that_day_is_kept(member):
    heat = FilmFactory(title="Heat", year=1995)
    day = datetime.date(2022, 7, 9)
    Viewing.objects.create(user=member, film=heat, watched_on=day, note="mine")
    UserFilm.objects.create(user=member, film=heat)
    run(member, diary(diary_row("Heat", 1995, "2022-07-09", "4") | {"Review": "x"}))
    assert list(Viewing.objects.values_list("note", flat=True)) == ["mine"]


def import_layout(*rows, name="films-import.csv"):
    return csv_upload(name, csv_text(name, rows, columns=IMPORT_COLUMNS))


def test_letterboxds_import_layout(member):
    heat = FilmFactory(title="Heat", year=1995, tmdb_id=949)
    alien = FilmFactory(title="Alien", year=1979, imdb_id="tt0078748")
    up = FilmFactory(title="Up", year=2009)
    done = run(
        member,
        import_layout(
            {"tmdbID": "949", "WatchedDate": "2020-01-02", "Rating10": "7"},
            {"tmdbID": "949", "WatchedDate": "2021-01-02", "Review": "<i>Again</i>"},
            {"Title": "Heat", "Year": "1995", "Rating10": "9", "Review": "Best"},
            {"imdbID": "tt0078748", "Rating10": "3"},
            {"Title": "Up", "Year": "2009"},
        ),
    )
    assert done.problems == [] and done.matched == done.total
    assert sorted(
        UserFilm.objects.values_list("film", "status", "rating", "comment")
    ) == [
        (heat.pk, "watched", 9, "Best"),  # the undated row is the film's latest
        (alien.pk, "watched", 3, ""),
        (up.pk, "watched", None, ""),
    ]
    assert sorted(Viewing.objects.values_list("watched_on", "rating", "note")) == [
        (datetime.date(2020, 1, 2), 7, ""),
        (datetime.date(2021, 1, 2), None, ""),
    ]
    assert {row.file_name for row in done.rows.all()} == {"films-import.csv"}


def test_the_import_layouts_watchlist_and_a_row_without_a_film(member):
    up = FilmFactory(title="Up", year=2009)
    done = run(
        member,
        import_layout(
            {"Title": "Up", "Year": "2009"},
            {"Year": "2009", "Rating10": "11"},
            name="watchlist-import.csv",
        ),
    )
    assert list(UserFilm.objects.values_list("film", "status")) == [(up.pk, "want")]
    assert [p["reason"] for p in done.problems] == [
        "the film has no title, tmdbID or imdbID"
    ]


def test_a_zip_of_the_import_layout_alone_is_read():
    def file(title):
        return csv_text("x", [{"Title": title}], columns=IMPORT_COLUMNS)

    upload = export_zip(
        {
            "README.txt": "not a CSV",
            "for-letterboxd/films-import.csv": file("Up"),
            "for-letterboxd/watchlist-import.csv": file("Heat"),
            "notes.csv": "Some,Other\n1,2\n",
        }
    )
    export = export_read(upload)
    assert [(r.source, r.name, r.file) for r in export.records] == [
        ("watched", "Up", "for-letterboxd/films-import.csv"),
        ("watchlist", "Heat", "for-letterboxd/watchlist-import.csv"),
    ]
    assert [i["file"] for i in export.ignored] == ["README.txt", "notes.csv"]


def test_resolving_a_row_known_only_by_its_id_leaves_other_films_open(member):
    up = FilmFactory(title="Up", year=2009)
    done = run(member, import_layout({"imdbID": "tt0000001"}, {"imdbID": "tt0000002"}))
    first, second = done.rows.order_by("position")
    assert (first.state, second.state) == ("unmatched", "unmatched")
    letterboxd_row_resolve(
        user=member, letterboxd_import_id=done.pk, row_id=first.pk, film_id=up.pk
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, first.film, second.state) == ("matched", up, "unmatched")
