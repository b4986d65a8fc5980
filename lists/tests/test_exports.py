"""A member's lists in their exports (lists/exports.py), and back in."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from exports.services import full_export_json, letterboxd_export_zip
from exports.tests.helpers import read_csv, read_zip
from films.factories import FilmFactory
from imports.services import letterboxd_import_file
from imports.testing import export_zip
from lists.bulk import list_entries_append
from lists.exports import member_list_files, member_lists_for_export
from lists.models import List
from lists.services import list_create

from .conftest import bulk_films, order

pytestmark = pytest.mark.django_db


@pytest.fixture
def stalker():
    return FilmFactory(title="Stalker", year=1979, tmdb_id=1398, imdb_id="tt0079944")


@pytest.fixture
def lists_of_member(member, stalker, films):
    ranked = list_create(
        owner=member,
        title="Top = best",
        description="Line one\nA <b>bold</b> & plain",
        visibility=List.Visibility.PRIVATE,
        ranked=True,
    )
    list_entries_append(
        user=member,
        list_id=ranked.pk,
        films=[(stalker, "-the best"), (films[0], ""), (films[1], "Two\nlines")],
    )
    loose = list_create(owner=member, title="Someday", visibility="unlisted")
    list_entries_append(
        user=member, list_id=loose.pk, films=[(films[2], ""), (films[3], "Soon")]
    )
    return ranked, loose


def list_files(member):
    """{path: (list row dict, header, [entry row dict])} of the ZIP's lists."""
    found = {}
    for name, text in read_zip(letterboxd_export_zip(user=member)).items():
        if not name.startswith("lists/"):
            continue
        banner, list_part, entries_part = (
            text.split("\r\n", 1)[0],
            *text.split("\r\n\r\n", 1),
        )
        assert banner == "Letterboxd list export v7"
        _header, (list_row,) = read_csv(list_part.split("\r\n", 1)[1])
        header, entries = read_csv(entries_part)
        found[name] = (list_row, header, entries)
    return found


def test_each_list_is_a_letterboxd_list_file(member, lists_of_member, stalker):
    files = list_files(member)
    assert sorted(files) == ["lists/someday.csv", "lists/top-best.csv"]

    list_row, header, entries = files["lists/top-best.csv"]
    assert list_row["Name"] == "Top = best"
    assert (
        list_row["Description"] == "Line one<br>A &lt;b&gt;bold&lt;/b&gt; &amp; plain"
    )
    assert header == [
        "Position",
        "Name",
        "Year",
        "URL",
        "Description",
        "tmdbID",
        "imdbID",
    ]
    assert [(e["Position"], e["Name"], e["Description"]) for e in entries] == [
        ("1", "Stalker", "-the best"),
        ("2", "Film 1", ""),
        ("3", "Film 2", "Two<br>lines"),
    ]
    assert (entries[0]["tmdbID"], entries[0]["imdbID"]) == ("1398", "tt0079944")
    # An unranked list's films have no positions, only their order.
    _row, _header, loose = files["lists/someday.csv"]
    assert [(e["Position"], e["Name"]) for e in loose] == [
        ("", "Film 3"),
        ("", "Film 4"),
    ]


def test_cells_that_look_like_formulas_are_escaped(member, lists_of_member):
    text = read_zip(letterboxd_export_zip(user=member))["lists/top-best.csv"]
    assert "\r\n1,Stalker,1979,,'-the best,1398,tt0079944\r\n" in text
    assert ",'Top = best," not in text  # only a cell's start is a formula
    assert ",Top = best," in text


def test_the_json_section_has_every_list_private_ones_too(member, lists_of_member):
    data = json.loads(full_export_json(user=member, base_url="https://f.example"))
    ranked, loose = data["lists"]
    assert {k: ranked[k] for k in ("title", "visibility", "ranked", "slug")} == {
        "title": "Top = best",
        "visibility": "private",
        "ranked": True,
        "slug": "top-best",
    }
    assert ranked["description"] == "Line one\nA <b>bold</b> & plain"
    assert ranked["url"] == f"https://f.example/users/{member.username}/lists/top-best/"
    assert [
        (e["position"], e["film"]["title"], e["note"]) for e in ranked["entries"]
    ] == [
        (1, "Stalker", "-the best"),
        (2, "Film 1", ""),
        (3, "Film 2", "Two\nlines"),
    ]
    assert ranked["entries"][0]["film"]["tmdb_id"] == 1398
    assert (loose["visibility"], loose["ranked"], len(loose["entries"])) == (
        "unlisted",
        False,
        2,
    )


def test_another_members_lists_never_come_along(member, lists_of_member):
    other = UserFactory()
    assert member_lists_for_export(user=other) == []
    assert list(member_list_files(user=other)) == []
    data = json.loads(full_export_json(user=other))
    assert data["lists"] == []
    assert not [n for n in read_zip(letterboxd_export_zip(user=other)) if "lists/" in n]


def _queries(call):
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def test_the_lists_cost_two_queries_however_many_lists_and_films(member, films):
    def export():
        member_lists_for_export(user=member)
        for _name, rows in member_list_files(user=member):
            list(rows)

    small = list_create(owner=member, title="Small")
    list_entries_append(user=member, list_id=small.pk, films=[(films[0], "")])
    assert _queries(export) == 4  # lists, then their entries; twice

    many = bulk_films(300)
    for n in range(5):
        big = list_create(owner=member, title=f"Big {n}")
        chunk = many[n * 60 : (n + 1) * 60]
        list_entries_append(
            user=member, list_id=big.pk, films=[(f, "note") for f in chunk]
        )
    assert _queries(export) == 4


def test_lists_go_out_and_come_back_in_a_fresh_account(member, lists_of_member):
    files = read_zip(letterboxd_export_zip(user=member))
    upload = export_zip({n: t for n, t in files.items() if n.startswith("lists/")})
    fresh = UserFactory(username="fresh")

    done = letterboxd_import_file(user=fresh, file=upload)

    assert (done.status, done.matched, done.total) == ("done", 5, 5)
    ranked, loose = lists_of_member
    for original in (ranked, loose):
        copy = List.objects.get(owner=fresh, title=original.title)
        assert (copy.description, copy.ranked) == (
            original.description,
            original.ranked,
        )
        assert copy.visibility == List.Visibility.PRIVATE
        assert order(copy) == order(original)
        notes = list(copy.entries.order_by("position").values_list("note", flat=True))
        assert notes == list(
            original.entries.order_by("position").values_list("note", flat=True)
        )


def test_the_full_export_with_lists_matches_the_documented_schema(
    make_api_client, member, lists_of_member
):
    from drf_spectacular.generators import SchemaGenerator

    from filmtracker.tests.test_api_schema import assert_matches

    schema = SchemaGenerator().get_schema(request=None, public=True)
    response = make_api_client(member).get("/api/v1/exports/full/")
    assert len(response.json()["lists"]) == 2
    assert_matches(schema, "/api/v1/exports/full/", "get", response)
