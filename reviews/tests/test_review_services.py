"""review_upsert / review_delete: the one write path for the site and the API."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import timezone

from films.factories import FilmFactory
from reviews.factories import UserFilmFactory
from reviews.models import COMMENT_MAX_LENGTH, UserFilm
from reviews.services import (
    ReviewExists,
    review_create,
    review_delete,
    review_upsert,
)

pytestmark = pytest.mark.django_db


def test_upsert_creates_then_updates_the_one_entry(member):
    film = FilmFactory()
    entry, created = review_upsert(user=member, film=film, rating=6, comment="Hm.")
    assert created
    assert (entry.rating, entry.status, entry.comment) == (6, "watched", "Hm.")

    again, created = review_upsert(user=member, film=film, rating=9)
    assert not created
    assert again.pk == entry.pk
    entry.refresh_from_db()
    assert (entry.rating, entry.comment) == (9, "")
    assert UserFilm.objects.count() == 1


def test_upsert_refuses_members_without_a_verified_email(unverified_member):
    with pytest.raises(PermissionDenied):
        review_upsert(user=unverified_member, film=FilmFactory(), rating=5)
    assert not UserFilm.objects.exists()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"rating": 0}, "rating"),
        ({"rating": 11}, "rating"),
        ({"status": "loved"}, "status"),
        ({"comment": "x" * (COMMENT_MAX_LENGTH + 1)}, "comment"),
        ({"watched_on": timezone.localdate() + timedelta(days=1)}, "watched_on"),
    ],
)
def test_upsert_validates_and_keeps_the_old_entry(member, values, field):
    entry = UserFilmFactory(user=member, rating=4, comment="Old.")
    with pytest.raises(ValidationError) as error:
        review_upsert(user=member, film=entry.film, **values)
    assert list(error.value.message_dict) == [field]
    entry.refresh_from_db()
    assert (entry.rating, entry.comment) == (4, "Old.")


def test_delete_removes_only_the_members_own_entry(member):
    mine = UserFilmFactory(user=member)
    theirs = UserFilmFactory(film=mine.film)
    assert review_delete(user=member, film=mine.film) is True
    assert review_delete(user=member, film=mine.film) is False
    assert list(UserFilm.objects.all()) == [theirs]


def test_losing_an_insert_race_updates_the_winners_row(member):
    """Another request inserted the row between our lookup and our insert."""
    film = FilmFactory()
    winner = UserFilm.objects.create(user=member, film=film, rating=2)
    with mock.patch.object(
        UserFilm.objects, "update_or_create", side_effect=IntegrityError("duplicate")
    ):
        row, created = review_upsert(user=member, film=film, rating=10, comment="Mine")
    assert not created
    assert row.pk == winner.pk
    winner.refresh_from_db()
    assert (winner.rating, winner.comment) == (10, "Mine")
    assert UserFilm.objects.count() == 1


def test_create_makes_the_entry_and_never_overwrites_one(member):
    film = FilmFactory()
    entry = review_create(user=member, film=film, rating=6, comment="First.")
    with pytest.raises(ReviewExists) as refused:
        review_create(user=member, film=film, rating=1, comment="Second.")
    assert refused.value.userfilm.pk == entry.pk
    entry.refresh_from_db()
    assert (entry.rating, entry.comment) == (6, "First.")


def test_create_checks_like_upsert(member, unverified_member):
    with pytest.raises(ValidationError):
        review_create(user=member, film=FilmFactory(), rating=11)
    with pytest.raises(PermissionDenied):
        review_create(user=unverified_member, film=FilmFactory(), rating=5)
    assert UserFilm.objects.count() == 0
