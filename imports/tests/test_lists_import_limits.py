"""Lists in a Letterboxd import: limits, bad files and rows, lone CSVs, the report."""

import pytest

from imports.csv_rows import ExportInvalid
from imports.list_files import list_file_read
from imports.models import LetterboxdList
from imports.testing import csv_text, csv_upload, export_zip, list_csv_text
from lists.bulk import list_entries_append
from lists.factories import ListFactory
from lists.models import List
from lists.services import list_create

from .lists_helpers import LATER, State, films_of, lists_export, run

pytestmark = pytest.mark.django_db


def test_a_member_with_200_lists_is_told_why_a_list_was_not_made(member, films):
    ListFactory.create_batch(199, owner=member)

    letterboxd_import = run(member, lists_export())

    made, refused = letterboxd_import.lists.order_by("file")
    assert (made.file, made.outcome) == ("lists/kids.csv", "created")
    assert (refused.file, refused.outcome) == ("lists/top-films.csv", "failed")
    assert "200 lists" in refused.reason
    failed = letterboxd_import.rows.filter(letterboxd_list=refused)
    assert set(failed.values_list("state", flat=True)) == {State.FAILED}
    assert "200 lists" in failed.first().reason
    assert letterboxd_import.processed == letterboxd_import.total == 5
    assert List.objects.filter(owner=member).count() == 200


def test_more_than_200_list_files_leave_the_rest_out_of_the_report(member, films):
    files = {
        f"lists/list-{n:03}.csv": list_csv_text(f"List {n}", [("Up", 2009, "")])
        for n in range(201)
    }
    letterboxd_import = run(member, export_zip(files))
    assert letterboxd_import.lists.count() == 200
    assert letterboxd_import.ignored_files == [
        {
            "file": "lists/list-200.csv",
            "reason": "A member has at most 200 lists: this list file was not "
            "imported.",
        }
    ]


def test_a_list_file_over_5000_films_keeps_the_first_5000():
    rows = [(f"Film {n}", 2000, "") for n in range(5002)]
    list_file = list_file_read("lists/huge.csv", list_csv_text("Huge", rows))
    assert len(list_file.entries) == 5000
    assert list_file.entries[-1].name == "Film 4999"
    (problem,) = list_file.problems
    assert problem.file == "lists/huge.csv"
    assert "at most 5000 films" in problem.reason
    assert "the 1 after it" in problem.reason


def test_a_full_list_fails_the_rows_that_do_not_fit(member, films, settings):
    import lists.services

    mine = list_create(owner=member, title="Top films")
    list_entries_append(user=member, list_id=mine.pk, films=[(films["up"], "")])
    original = lists.services.MAX_ENTRIES
    lists.services.MAX_ENTRIES = 2
    try:
        letterboxd_import = run(member, lists_export())
    finally:
        lists.services.MAX_ENTRIES = original
    heat = letterboxd_import.rows.get(name="Heat")
    assert heat.state == State.FAILED
    assert "the most a list can hold" in heat.reason
    assert films_of(mine) == [("Up", 1, ""), ("Alien", 2, "Perfect.")]


def test_unranked_rows_keep_the_files_order_and_positions_sort_ranked_ones():
    text = (
        "Date,Name,Tags,URL,Description\n"
        "2024-01-01,Mixed,,,\n"
        "\n"
        "Position,Name,Year,URL,Description\n"
        "2,Heat,1995,,\n"
        "1,Alien,1979,,\n"
    )
    list_file = list_file_read("lists/mixed.csv", text)
    assert list_file.ranked
    assert [(e.name, e.position) for e in list_file.entries] == [
        ("Alien", 1),
        ("Heat", 2),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Letterboxd list export v7\nDate,Title,Tags,URL,Description\n",
            "lists/bad.csv has no “Name” column in the list's header.",
        ),
        (
            "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n"
            "2024-01-01,Bad,,,\n\nName,Year\nHeat,1995\n",
            "lists/bad.csv has no “Position” column in the films' header.",
        ),
        (
            "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n",
            "lists/bad.csv has no row for the list under its header.",
        ),
        (
            "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n"
            "2024-01-01,No films header,,,\n",
            "lists/bad.csv has no “Position” column in the films' header.",
        ),
    ],
)
def test_a_bad_list_file_refuses_the_upload_naming_the_file(member, text, message):
    upload = export_zip({"lists/bad.csv": text, "watched.csv": _watched()})
    with pytest.raises(ExportInvalid) as raised:
        run(member, upload)
    assert raised.value.message == message
    assert not List.objects.exists()
    assert not LetterboxdList.objects.exists()


def _watched():
    return csv_text("watched.csv", [{"Date": "2024-01-01", "Name": "Up", "Year": 2009}])


def test_a_bad_row_is_a_problem_and_the_others_import(member, films):
    text = list_csv_text("Top", [("Heat", 1995, ""), ("Alien", "19x9", "")])
    letterboxd_import = run(member, export_zip({"lists/top.csv": text}))
    assert letterboxd_import.problems == [
        {
            "file": "lists/top.csv",
            "line": 7,
            "reason": "the year “19x9” is not a year",
        }
    ]
    assert films_of(List.objects.get(title="Top")) == [("Heat", 1, "")]


def test_a_lone_list_csv_can_be_uploaded(member, films):
    letterboxd_import = run(member, csv_upload("kids.csv", LATER))
    kids = List.objects.get(owner=member)
    assert films_of(kids) == [("Up", 1, ""), ("Amélie", 2, "Later")]
    assert letterboxd_import.lists.get().file == "lists/kids.csv"


def test_an_empty_list_is_still_made(member):
    run(member, export_zip({"lists/empty.csv": list_csv_text("Empty", [])}))
    assert List.objects.get(owner=member).title == "Empty"


def test_the_banner_line_is_optional_and_nul_characters_go(member, films):
    text = list_csv_text(
        "Plain\x00", [("Heat", 1995, "no\x00 nul")], banner=False, description="a\x00b"
    )
    run(member, export_zip({"lists/plain.csv": text}))
    plain = List.objects.get(owner=member)
    assert (plain.title, plain.description) == ("Plain", "ab")
    assert films_of(plain) == [("Heat", 1, "no nul")]


def test_another_members_list_of_the_same_title_is_not_touched(
    member, unverified_member, films
):
    theirs = ListFactory(owner=unverified_member, title="Top films")
    run(member, lists_export())
    assert not theirs.entries.exists()
    assert List.objects.filter(owner=member, title="Top films").exists()


def test_the_report_names_the_lists_on_the_page_and_in_the_api(
    member, member_client, make_api_client, films
):
    letterboxd_import = run(member, lists_export())
    top = List.objects.get(owner=member, title="Top films")

    page = member_client.get(letterboxd_import.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert f'<a href="{top.get_absolute_url()}">Top films</a>' in html
    assert "lists/top-films.csv" in html  # the unmatched row's file
    assert "New lists are private" in html

    data = make_api_client(member).get(f"/api/v1/imports/{letterboxd_import.pk}/")
    assert data.json()["lists"] == [
        {
            "file": "lists/kids.csv",
            "title": "To show my kids",
            "outcome": "created",
            "reason": "",
            "list": List.objects.get(title="To show my kids").pk,
        },
        {
            "file": "lists/top-films.csv",
            "title": "Top films",
            "outcome": "created",
            "reason": "",
            "list": top.pk,
        },
    ]
    (unmatched,) = data.json()["unmatched"]
    assert (unmatched["file"], unmatched["line"]) == ("lists/top-films.csv", 7)
