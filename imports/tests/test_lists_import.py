"""Letterboxd's lists/*.csv into the member's lists (imports.list_applying)."""

import pytest

from films.factories import FilmFactory
from imports.resolving import letterboxd_row_resolve
from lists.bulk import list_entries_append
from lists.models import List, ListEntry
from lists.services import list_create

from .lists_helpers import State, films_of, lists_export, run

pytestmark = pytest.mark.django_db


def test_each_list_file_becomes_a_private_list_of_the_member(member, films):
    letterboxd_import = run(member, lists_export())

    top = List.objects.get(owner=member, title="Top films")
    kids = List.objects.get(owner=member, title="To show my kids")
    assert (top.visibility, kids.visibility) == ("private", "private")
    assert (top.ranked, kids.ranked) == (True, False)
    assert top.description == "My favourites.\nIn order."
    assert films_of(top) == [("Alien", 1, "Perfect."), ("Heat", 2, "")]
    assert films_of(kids) == [("Up", 1, ""), ("Amélie", 2, "Later")]
    assert letterboxd_import.status == "done"
    assert (letterboxd_import.total, letterboxd_import.processed) == (5, 5)
    assert (letterboxd_import.matched, letterboxd_import.created) == (4, 4)
    outcomes = dict(letterboxd_import.lists.values_list("file", "outcome"))
    assert outcomes == {"lists/top-films.csv": "created", "lists/kids.csv": "created"}


def test_an_unmatched_film_shows_in_the_report_and_joins_at_its_place(member, films):
    letterboxd_import = run(member, lists_export())
    row = letterboxd_import.rows.get(state=State.UNMATCHED)
    assert (row.name, row.get_source_display(), row.line) == (
        "Nowhere Film",
        "lists/top-films.csv",
        7,  # after the banner, the list's header and row, a blank line, a header
    )

    found = FilmFactory(title="Nowhere Film", year=1990)
    letterboxd_row_resolve(
        user=member,
        letterboxd_import_id=letterboxd_import.pk,
        row_id=row.pk,
        film_id=found.pk,
    )

    top = List.objects.get(owner=member, title="Top films")
    assert films_of(top) == [
        ("Alien", 1, "Perfect."),
        ("Nowhere Film", 2, "Lost one"),
        ("Heat", 3, ""),
    ]
    letterboxd_import.refresh_from_db()
    assert (letterboxd_import.matched, letterboxd_import.created) == (5, 5)


def test_importing_the_same_lists_again_changes_nothing(member, films):
    run(member, lists_export())
    top = List.objects.get(owner=member, title="Top films")
    top.entries.filter(film=films["heat"]).update(note="My own note")
    before = list(ListEntry.objects.values_list("pk", "list_id", "position", "note"))

    again = run(member, lists_export())

    assert List.objects.filter(owner=member).count() == 2
    after = list(ListEntry.objects.values_list("pk", "list_id", "position", "note"))
    assert after == before
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert set(again.lists.values_list("outcome", flat=True)) == {"kept"}


def test_films_new_to_a_kept_list_go_at_its_end(member, films):
    mine = list_create(owner=member, title="Top films", visibility="public")
    list_entries_append(user=member, list_id=mine.pk, films=[(films["up"], "Mine")])

    run(member, lists_export())

    mine.refresh_from_db()
    assert mine.visibility == "public"  # the member's choice stays
    assert films_of(mine) == [
        ("Up", 1, "Mine"),
        ("Alien", 2, "Perfect."),
        ("Heat", 3, ""),
    ]


def test_replace_gives_the_list_the_files_films_and_order(member, films):
    mine = list_create(owner=member, title="Top films", visibility="unlisted")
    list_entries_append(
        user=member,
        list_id=mine.pk,
        films=[(films["up"], "Mine"), (films["heat"], ""), (films["alien"], "Old")],
    )

    letterboxd_import = run(member, lists_export(), replace=True)

    mine.refresh_from_db()
    assert films_of(mine) == [("Alien", 1, "Perfect."), ("Heat", 2, "")]
    assert (mine.visibility, mine.ranked) == ("unlisted", True)
    assert mine.description == "My favourites.\nIn order."
    replaced = letterboxd_import.lists.get(file="lists/top-films.csv")
    assert replaced.outcome == "replaced"
    # Alien moved and took the file's note; Heat is where it was (2nd, no
    # note); the kids' list is new.
    counts = (letterboxd_import.created, letterboxd_import.updated)
    assert (*counts, letterboxd_import.unchanged) == (2, 1, 1)

    again = run(member, lists_export(), replace=True)
    assert films_of(mine) == [("Alien", 1, "Perfect."), ("Heat", 2, "")]
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
