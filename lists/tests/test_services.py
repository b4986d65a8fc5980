import pytest
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError

from accounts.factories import UserFactory
from films.factories import FilmFactory
from lists import models as list_models
from lists.bulk import list_entries_append
from lists.models import List, ListEntry
from lists.services import (
    list_create,
    list_delete,
    list_entry_add,
    list_entry_move,
    list_entry_remove,
    list_entry_update,
    list_update,
)

from .conftest import order

pytestmark = pytest.mark.django_db


def test_create_makes_a_slug_per_owner(member):
    first = list_create(owner=member, title="Best of 2024")
    second = list_create(owner=member, title="Best of 2024")
    other = list_create(owner=UserFactory(), title="Best of 2024")
    assert (first.slug, second.slug, other.slug) == (
        "best-of-2024",
        "best-of-2024-2",
        "best-of-2024",
    )


def test_create_keeps_line_breaks_and_strips(member):
    film_list = list_create(
        owner=member, title="  Kids  ", description="One\r\nTwo\n\nThree  "
    )
    assert (film_list.title, film_list.description) == ("Kids", "One\nTwo\n\nThree")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "A\x00B"}, "title"),
        ({"title": "Ok", "description": "d" * 100_000}, "description"),
        ({"title": "Ok", "description": "nul\x00"}, "description"),
        ({"title": "Ok", "visibility": "secret"}, "visibility"),
    ],
)
def test_bad_list_fields_are_refused_and_nothing_saved(member, values, field):
    with pytest.raises(ValidationError) as error:
        list_create(owner=member, **values)
    assert field in error.value.message_dict
    assert not List.objects.exists()


def test_unverified_members_cannot_make_lists(unverified_member):
    with pytest.raises(PermissionDenied):
        list_create(owner=unverified_member, title="Mine")


def test_a_member_has_at_most_max_lists(member, monkeypatch):
    monkeypatch.setattr("lists.services.MAX_LISTS", 3)
    for i in range(3):
        list_create(owner=member, title=f"L{i}")
    with pytest.raises(ValidationError) as error:
        list_create(owner=member, title="One too many")
    assert "3 lists" in error.value.message_dict[NON_FIELD_ERRORS][0]
    assert List.objects.filter(owner=member).count() == 3


def test_the_limits_are_the_issues():
    assert (list_models.MAX_LISTS, list_models.MAX_ENTRIES) == (200, 5000)


def test_add_appends_and_inserts(member, films, make_list):
    film_list = make_list(films[:3])
    list_entry_add(user=member, list_id=film_list.pk, film=films[3])
    list_entry_add(user=member, list_id=film_list.pk, film=films[4], position=1)
    assert order(film_list) == (
        ["Film 5", "Film 1", "Film 2", "Film 3", "Film 4"],
        [1, 2, 3, 4, 5],
    )


@pytest.mark.parametrize("position", [0, -1, 5, 10**6])
def test_add_at_a_position_out_of_range_is_refused(member, films, make_list, position):
    film_list = make_list(films[:3])
    with pytest.raises(ValidationError) as error:
        list_entry_add(
            user=member, list_id=film_list.pk, film=films[3], position=position
        )
    assert "position" in error.value.message_dict
    assert order(film_list)[1] == [1, 2, 3]


def test_a_film_is_in_a_list_once(member, films, make_list):
    film_list = make_list(films[:2])
    with pytest.raises(ValidationError) as error:
        list_entry_add(user=member, list_id=film_list.pk, film=films[0])
    assert "already in this list" in error.value.message_dict["film"][0]
    assert film_list.entries.count() == 2


def test_a_list_holds_at_most_max_entries(member, films, make_list, monkeypatch):
    monkeypatch.setattr("lists.services.MAX_ENTRIES", 2)
    monkeypatch.setattr("lists.bulk.MAX_ENTRIES", 2)
    film_list = make_list(films[:2])
    with pytest.raises(ValidationError) as error:
        list_entry_add(user=member, list_id=film_list.pk, film=films[2])
    assert "2 films" in error.value.message_dict[NON_FIELD_ERRORS][0]
    assert (
        list_entries_append(user=member, list_id=film_list.pk, films=[(films[3], "")])
        == 0
    )


def test_notes_are_short_and_have_no_nul(member, films, make_list):
    film_list = make_list()
    for note in ("n" * 501, "a\x00b"):
        with pytest.raises(ValidationError) as error:
            list_entry_add(user=member, list_id=film_list.pk, film=films[0], note=note)
        assert "note" in error.value.message_dict
    assert not film_list.entries.exists()


@pytest.mark.parametrize(
    ("start", "to", "expected"),
    [
        (1, 5, ["Film 2", "Film 3", "Film 4", "Film 5", "Film 1"]),
        (5, 1, ["Film 5", "Film 1", "Film 2", "Film 3", "Film 4"]),
        (2, 4, ["Film 1", "Film 3", "Film 4", "Film 2", "Film 5"]),
        (4, 2, ["Film 1", "Film 4", "Film 2", "Film 3", "Film 5"]),
        (3, 3, ["Film 1", "Film 2", "Film 3", "Film 4", "Film 5"]),
    ],
)
def test_move_keeps_positions_contiguous(member, films, make_list, start, to, expected):
    film_list = make_list(films)
    entry = film_list.entries.get(position=start)
    moved = list_entry_move(
        user=member, list_id=film_list.pk, entry_id=entry.pk, position=to
    )
    assert moved.position == to
    assert order(film_list) == (expected, [1, 2, 3, 4, 5])


@pytest.mark.parametrize("position", [0, 6, -3])
def test_move_out_of_range_is_refused(member, films, make_list, position):
    film_list = make_list(films)
    entry = film_list.entries.get(position=2)
    with pytest.raises(ValidationError):
        list_entry_move(
            user=member, list_id=film_list.pk, entry_id=entry.pk, position=position
        )
    assert order(film_list)[0] == [f"Film {i}" for i in range(1, 6)]


def test_remove_closes_the_gap(member, films, make_list):
    film_list = make_list(films)
    entry = film_list.entries.get(position=2)
    assert list_entry_remove(user=member, list_id=film_list.pk, entry_id=entry.pk)
    assert order(film_list) == (["Film 1", "Film 3", "Film 4", "Film 5"], [1, 2, 3, 4])
    assert not list_entry_remove(user=member, list_id=film_list.pk, entry_id=entry.pk)


def test_note_changes_alone(member, films, make_list):
    film_list = make_list(films[:2])
    entry = film_list.entries.get(position=2)
    list_entry_update(user=member, list_id=film_list.pk, entry_id=entry.pk, note=" Hi ")
    entry.refresh_from_db()
    assert (entry.note, entry.position) == ("Hi", 2)


def test_another_members_list_and_entries_are_out_of_reach(member, films, make_list):
    film_list = make_list(films[:2])
    other = UserFactory()
    entry = film_list.entries.first()
    with pytest.raises(List.DoesNotExist):
        list_entry_add(user=other, list_id=film_list.pk, film=films[3])
    with pytest.raises(List.DoesNotExist):
        list_entry_move(user=other, list_id=film_list.pk, entry_id=entry.pk, position=2)
    with pytest.raises(List.DoesNotExist):
        list_entry_remove(user=other, list_id=film_list.pk, entry_id=entry.pk)
    with pytest.raises(List.DoesNotExist):
        list_update(user=other, list_id=film_list.pk, title="Mine now")
    assert not list_delete(user=other, list_id=film_list.pk)
    # An entry of another list, through one's own list: not found either.
    own = list_create(owner=other, title="Other's")
    with pytest.raises(ListEntry.DoesNotExist):
        list_entry_move(user=other, list_id=own.pk, entry_id=entry.pk, position=1)
    assert order(film_list) == (["Film 1", "Film 2"], [1, 2])
    assert List.objects.get(pk=film_list.pk).title == "My list"


def test_update_changes_fields_but_not_the_slug(member, make_list):
    film_list = make_list(title="Old")
    changed = list_update(
        user=member,
        list_id=film_list.pk,
        title="New",
        visibility=List.Visibility.PRIVATE,
        ranked=True,
    )
    assert (changed.title, changed.slug, changed.visibility, changed.ranked) == (
        "New",
        "old",
        "private",
        True,
    )
    with pytest.raises(ValidationError):
        list_update(user=member, list_id=film_list.pk, description="x" * 100_000)
    assert List.objects.get(pk=film_list.pk).description == ""


def test_delete_removes_the_entries_not_the_films(member, films, make_list):
    film_list = make_list(films[:2])
    assert list_delete(user=member, list_id=film_list.pk)
    assert not ListEntry.objects.exists()
    assert FilmFactory._meta.model.objects.count() == 5


def test_append_skips_duplicates_and_cleans_notes(member, films, make_list):
    film_list = make_list(films[:1])
    added = list_entries_append(
        user=member,
        list_id=film_list.pk,
        films=[(films[0], ""), (films[1], "a\x00b" + "c" * 600), (films[1], "")],
    )
    assert added == 1
    entry = film_list.entries.get(position=2)
    assert entry.note.startswith("abc") and len(entry.note) == 500
