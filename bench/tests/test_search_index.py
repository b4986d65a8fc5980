"""The benchmark's SQL-built search index equals what the Wagtail backend writes."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from bench.search_index import INDEX_TABLE, index_all_films, refresh_title_norms
from films.factories import FilmFactory
from films.models import Film, FilmTranslation

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

COLUMNS = "object_id, title, autocomplete, body, title_text, body_text, title_norm"


def _entries():
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {COLUMNS} FROM {INDEX_TABLE} ORDER BY object_id"  # noqa: S608
        )
        return cursor.fetchall()


def _clear():
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {INDEX_TABLE}")  # noqa: S608


def test_sql_index_equals_the_backend_index():
    if connection.vendor != "postgresql":
        pytest.skip("the benchmark and its index builder are PostgreSQL-only")
    FilmFactory(title="The Matrix", original_title="The Matrix", overview="Neo  wakes.")
    FilmFactory(title="  Solaris ", original_title="Солярис", overview="")
    stalker = FilmFactory(title="Stalker", original_title="", overview="A zone.")
    FilmTranslation.objects.create(
        film=stalker, language="ru", title="Сталкер", overview="Зона."
    )
    _clear()
    get_search_backend().add_bulk(Film, list(Film.objects.order_by("pk")))
    refresh_title_norms()  # what a full rebuild finishes with
    from_backend = _entries()
    assert len(from_backend) == 3

    _clear()
    assert index_all_films() == 3
    assert _entries() == from_backend
