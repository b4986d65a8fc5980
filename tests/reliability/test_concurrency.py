"""Writes at the same moment, with real threads and real connections.

PostgreSQL only: SQLite serialises writers for the whole file, so it cannot
show a race (CI's second pass runs these).
"""

import threading

import pytest
from django.db import connection
from django.db.models.signals import post_save
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.factories import EditorFactory, UserFactory
from films.factories import FilmFactory
from films.models import Film
from films.services import film_import_from_tmdb
from filmtracker.testing import WAIT, ensure_root_collection, run_in_parallel
from reviews.models import UserFilm
from reviews.services import review_upsert

from .admin_forms import film_form_data

# Decided at collection, so SQLite sets up no transactional database for
# nothing. serialized_rollback: the flush after each test takes the data made
# by migrations (root collection, page tree) with it.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL=postgres://...): SQLite "
        "serialises all writers",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PARALLEL = 20


@pytest.fixture(autouse=True)
def _root_collection():
    ensure_root_collection()


def test_twenty_parallel_ratings_by_one_member_leave_one_row_with_the_last():
    member, film = UserFactory(), FilmFactory()
    ratings = [1 + i % 10 for i in range(PARALLEL)]
    comments = [f"Take {i}" for i in range(PARALLEL)]
    results = run_in_parallel(
        [
            lambda i=i: review_upsert(
                user=member, film=film, rating=ratings[i], comment=comments[i]
            )
            for i in range(PARALLEL)
        ]
    )
    rows = UserFilm.objects.filter(user=member, film=film)
    assert rows.count() == 1
    assert sum(created for _, created in results) == 1
    # Saves of the one row are serialised by its row lock, so the save with
    # the latest timestamp committed last: its values are the ones kept,
    # rating and comment together (no mix of two submissions).
    last = max((row for row, _ in results), key=lambda row: row.updated_at)
    kept = rows.get()
    assert (kept.rating, kept.comment) == (last.rating, last.comment)
    assert kept.updated_at == last.updated_at


def test_twenty_parallel_api_ratings_by_one_member_all_succeed():
    """The same through the API: no 500 and no duplicate for a double-click storm."""
    member, film = UserFactory(), FilmFactory()

    def rate(rating):
        client = APIClient()
        client.force_authenticate(member)
        response = client.post(
            "/api/v1/reviews/", {"film": film.pk, "rating": rating}, format="json"
        )
        return response.status_code

    statuses = run_in_parallel([lambda r=r: rate(1 + r % 10) for r in range(PARALLEL)])
    # One creates; the others are told the entry exists (change it with PATCH).
    assert sorted(statuses) == [201] + [400] * (PARALLEL - 1)
    assert UserFilm.objects.filter(user=member, film=film).count() == 1


def test_a_rating_saved_while_an_editor_saves_the_film_keeps_both():
    member, editor = UserFactory(), EditorFactory()
    film = FilmFactory(title="Before")
    editor_is_saving, rating_saved = threading.Event(), threading.Event()
    editor_thread = {}

    def hold_the_film_save(sender, instance, **kwargs):
        # Inside the editor's save: let the member's rating through now.
        if threading.get_ident() == editor_thread.get("id") and instance.pk == film.pk:
            editor_is_saving.set()
            assert rating_saved.wait(WAIT), "the rating waited for the film edit"

    def edit_film():
        editor_thread["id"] = threading.get_ident()
        client = Client()
        client.force_login(editor)
        url = reverse("wagtailsnippets_films_film:edit", args=[film.pk])
        return client.post(url, film_form_data(client, film, title="After")).status_code

    def rate():
        assert editor_is_saving.wait(WAIT), "the editor never saved"
        review_upsert(user=member, film=film, rating=9, comment="Mid-edit")
        rating_saved.set()
        return "rated"

    post_save.connect(hold_the_film_save, sender=Film)
    try:
        results = run_in_parallel([edit_film, rate])
    finally:
        post_save.disconnect(hold_the_film_save, sender=Film)
    assert results == [302, "rated"]
    film.refresh_from_db()
    assert film.title == "After"
    review = UserFilm.objects.get(user=member, film=film)
    assert (review.rating, review.comment) == (9, "Mid-edit")
    # And what the site serves has both (no cache kept the old numbers).
    body = APIClient().get(f"/api/v1/films/{film.pk}/").json()
    assert (body["title"], body["rating_count"], body["average_rating"]) == (
        "After",
        1,
        9.0,
    )


def test_twenty_parallel_imports_of_one_film_make_one_row(fake_tmdb):
    results = run_in_parallel([lambda: film_import_from_tmdb(tmdb_id=603)] * PARALLEL)
    assert Film.objects.filter(tmdb_id=603).count() == 1
    assert {film.pk for film, _ in results} == {Film.objects.get(tmdb_id=603).pk}
    assert sum(created for _, created in results) == 1
    assert fake_tmdb.count("/t/p/") == 1  # the poster was downloaded once


def test_twenty_parallel_api_imports_of_one_film_answer_201_once(fake_tmdb):
    member = UserFactory()

    def import_film():
        client = APIClient()
        client.force_authenticate(member)
        response = client.post("/api/v1/films/import/", {"tmdb_id": 603}, format="json")
        return response.status_code

    statuses = run_in_parallel([import_film] * PARALLEL)
    assert sorted(statuses) == [200] * (PARALLEL - 1) + [201]
    assert Film.objects.filter(tmdb_id=603).count() == 1


@pytest.mark.parametrize("round_", range(5))
def test_a_delete_and_a_patch_of_one_review_at_once_the_delete_wins(round_):
    member = UserFactory()
    review = review_upsert(user=member, film=FilmFactory(), rating=4)[0]
    url = f"/api/v1/reviews/{review.pk}/"

    def call(method, *args):
        client = APIClient()
        client.force_authenticate(member)
        return getattr(client, method)(url, *args, format="json").status_code

    deleted, patched = run_in_parallel(
        [lambda: call("delete"), lambda: call("patch", {"comment": "Edited"})]
    )
    assert deleted == 204
    assert patched in (200, 404)  # before the delete, or found it gone
    assert not UserFilm.objects.filter(user=member).exists()
