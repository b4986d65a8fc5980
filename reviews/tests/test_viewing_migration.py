"""The data migration: entries' watch dates become viewings, and back."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.factories import UserFactory
from films.factories import FilmFactory
from reviews.models import UserFilm, Viewing

BEFORE = [("reviews", "0003_viewing")]
AFTER = [("reviews", "0004_viewings_from_watched_on")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


# serialized_rollback: the flush after this test takes the data migrations made
# (root collection, page tree), which the tests after it need.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_watch_dates_become_viewings_and_unapplying_restores_them():
    migrate(BEFORE)
    member = UserFactory()
    day = datetime.date(2023, 5, 6)
    dated = UserFilm.objects.create(
        user=member, film=FilmFactory(), rating=7, watched_on=day
    )
    undated = UserFilm.objects.create(user=member, film=FilmFactory(), rating=5)
    migrate(AFTER)
    viewing = Viewing.objects.get()
    assert (viewing.user_id, viewing.film_id, viewing.watched_on, viewing.rating) == (
        member.pk,
        dated.film_id,
        day,
        7,
    )
    # After the migration a later viewing moves the entry's date when unapplied.
    Viewing.objects.create(
        user=member, film=dated.film, watched_on=datetime.date(2024, 1, 2)
    )
    migrate(BEFORE)
    assert not Viewing.objects.exists()
    dated.refresh_from_db()
    undated.refresh_from_db()
    assert dated.watched_on == datetime.date(2024, 1, 2)
    assert undated.watched_on is None
    migrate(AFTER)
    assert Viewing.objects.count() == 1
