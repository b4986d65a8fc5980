"""One member reordering one list in two tabs at once, with real threads.

PostgreSQL only (SQLite serialises all writers): every write locks the
list's row first, so whatever the interleaving the list ends with positions
1..N, each film once.
"""

import pytest
from django.db import connection

from accounts.factories import UserFactory
from films.factories import FilmFactory
from filmtracker.testing import ensure_root_collection, run_in_parallel
from lists.bulk import list_entries_append
from lists.models import ListEntry
from lists.services import (
    list_create,
    list_entry_add,
    list_entry_move,
    list_entry_remove,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL=postgres://...): SQLite "
        "serialises all writers",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SIZE = 12


@pytest.fixture(autouse=True)
def _root_collection():
    ensure_root_collection()


def _list_of(member, films):
    film_list = list_create(owner=member, title="Two tabs", ranked=True)
    list_entries_append(
        user=member, list_id=film_list.pk, films=[(film, "") for film in films]
    )
    return film_list


def _sound(film_list, films):
    rows = list(
        ListEntry.objects.filter(list=film_list)
        .order_by("position")
        .values_list("position", "film_id")
    )
    assert [position for position, _ in rows] == list(range(1, len(rows) + 1))
    assert len({film for _, film in rows}) == len(rows)
    return rows


def test_twenty_moves_at_once_leave_positions_1_to_n():
    member = UserFactory()
    films = [FilmFactory() for _ in range(SIZE)]
    film_list = _list_of(member, films)
    entries = list(film_list.entries.order_by("position"))
    moves = [
        lambda i=i: list_entry_move(
            user=member,
            list_id=film_list.pk,
            entry_id=entries[i % SIZE].pk,
            position=SIZE - (i * 5) % SIZE,
        )
        for i in range(20)
    ]
    run_in_parallel(moves)
    assert len(_sound(film_list, films)) == SIZE


def test_adds_removes_and_moves_at_once_stay_contiguous():
    member = UserFactory()
    films = [FilmFactory() for _ in range(SIZE + 6)]
    film_list = _list_of(member, films[:SIZE])
    entries = list(film_list.entries.order_by("position"))
    calls = [
        *[
            lambda f=f: list_entry_add(
                user=member, list_id=film_list.pk, film=f, position=1
            )
            for f in films[SIZE:]
        ],
        *[
            lambda e=e: list_entry_remove(
                user=member, list_id=film_list.pk, entry_id=e.pk
            )
            for e in entries[:4]
        ],
        *[
            lambda e=e: list_entry_move(
                user=member, list_id=film_list.pk, entry_id=e.pk, position=2
            )
            for e in entries[6:10]
        ],
    ]
    run_in_parallel(calls)
    assert len(_sound(film_list, films)) == SIZE + 6 - 4


def test_the_same_film_added_twice_at_once_is_there_once():
    member = UserFactory()
    film = FilmFactory()
    film_list = _list_of(member, [])
    results = run_in_parallel(
        [lambda: _try_add(member, film_list, film) for _ in range(10)]
    )
    assert sorted(results) == ["added"] + ["refused"] * 9
    assert film_list.entries.count() == 1


def _try_add(member, film_list, film):
    from django.core.exceptions import ValidationError

    try:
        list_entry_add(user=member, list_id=film_list.pk, film=film)
    except ValidationError:
        return "refused"
    return "added"
