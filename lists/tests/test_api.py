"""The lists API: reading what one may see, the owner's writes, bad input."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.factories import UserFactory
from lists.bulk import list_entries_append
from lists.models import List, ListEntry
from lists.services import list_create
from reviews.factories import UserFilmFactory

from .conftest import bulk_films, order

pytestmark = pytest.mark.django_db

LISTS = "/api/v1/lists/"


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def entries_url(film_list):
    return f"{LISTS}{film_list.pk}/entries/"


def snapshot():
    return (
        set(List.objects.values_list("pk", "title", "description", "visibility")),
        set(ListEntry.objects.values_list("pk", "list", "film", "position", "note")),
    )


@pytest.fixture
def lists(member, films, make_list):
    return {
        "public": make_list(films[:3], title="Public", ranked=True),
        "unlisted": make_list(films[:1], title="Unlisted", visibility="unlisted"),
        "private": make_list(films[:2], title="Private", visibility="private"),
    }


def test_anonymous_sees_public_lists_only_in_the_list(lists):
    body = client_for().get(LISTS).json()
    assert [row["title"] for row in body["results"]] == ["Public"]
    row = body["results"][0]
    assert row["entry_count"] == 3
    assert row["entries_url"].endswith(entries_url(lists["public"]))
    assert row["url"].endswith("/lists/public/")


def test_the_owner_sees_all_their_lists(member, lists):
    titles = {r["title"] for r in client_for(member).get(LISTS).json()["results"]}
    assert titles == {"Public", "Unlisted", "Private"}


def test_filters_by_member_and_film(member, films, lists, make_list):
    other = UserFactory()
    make_list(films[3:4], owner=other, title="Other's")
    api = client_for()
    by_member = api.get(LISTS, {"user": other.username}).json()["results"]
    assert [r["title"] for r in by_member] == ["Other's"]
    by_film = api.get(LISTS, {"film": films[3].pk}).json()["results"]
    assert [r["title"] for r in by_film] == ["Other's"]
    assert api.get(LISTS, {"film": ""}).status_code == 400


def test_private_lists_are_404_to_everyone_else(lists):
    private = lists["private"]
    for viewer in (None, UserFactory()):
        api = client_for(viewer)
        assert api.get(f"{LISTS}{private.pk}/").status_code == 404
        assert api.get(entries_url(private)).status_code == 404
        entry = private.entries.first()
        assert api.get(f"{entries_url(private)}{entry.pk}/").status_code == 404


def test_unlisted_lists_open_by_id(lists):
    response = client_for().get(f"{LISTS}{lists['unlisted'].pk}/")
    assert response.status_code == 200


def test_entries_in_order_with_the_owners_rating(member, films, lists):
    UserFilmFactory(user=member, film=films[1], rating=9)
    UserFilmFactory(film=films[0], rating=2)  # someone else's: not shown
    rows = client_for().get(entries_url(lists["public"])).json()["results"]
    assert [(r["position"], r["film"]["id"], r["owner_rating"]) for r in rows] == [
        (1, films[0].pk, None),
        (2, films[1].pk, 9),
        (3, films[2].pk, None),
    ]


def test_create_update_delete_a_list(member):
    api = client_for(member)
    made = api.post(
        LISTS,
        {"title": "Kids", "description": "a\nb", "visibility": "unlisted"},
        format="json",
    )
    assert made.status_code == 201, made.json()
    body = made.json()
    assert (body["slug"], body["description"], body["ranked"]) == (
        "kids",
        "a\nb",
        False,
    )
    url = f"{LISTS}{body['id']}/"
    assert made["Location"].endswith(url)
    changed = api.patch(url, {"ranked": True, "title": "Kids 2"}, format="json")
    assert (changed.json()["ranked"], changed.json()["slug"]) == (True, "kids")
    assert api.put(url, {"title": "x"}, format="json").status_code == 405
    assert api.delete(url).status_code == 204
    assert not List.objects.exists()


def test_add_move_and_remove_entries(member, films, lists):
    api = client_for(member)
    film_list = lists["public"]
    url = entries_url(film_list)
    added = api.post(url, {"film": films[4].pk, "position": 1}, format="json")
    assert added.status_code == 201, added.json()
    assert added.json()["position"] == 1
    entry_url = f"{url}{added.json()['id']}/"
    moved = api.patch(entry_url, {"position": 4, "note": "Later"}, format="json")
    assert (moved.json()["position"], moved.json()["note"]) == (4, "Later")
    assert order(film_list)[0] == ["Film 1", "Film 2", "Film 3", "Film 5"]
    assert api.delete(entry_url).status_code == 204
    assert order(film_list) == (["Film 1", "Film 2", "Film 3"], [1, 2, 3])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"film": "first"}, "film"),
        ({"film": 10**30}, "film"),
        ({"film": 999_999}, "film"),
        ({"film": "DUPLICATE"}, "film"),
        ({"film": "NEW", "position": 0}, "position"),
        ({"film": "NEW", "position": 5}, "position"),
        ({"film": "NEW", "position": "2"}, "position"),
        ({"film": "NEW", "note": "n" * 501}, "note"),
        ({"film": "NEW", "note": "a\x00b"}, "note"),
    ],
)
def test_bad_entries_are_refused_and_nothing_changes(member, films, lists, body, field):
    body = dict(body)
    if body["film"] == "DUPLICATE":
        body["film"] = films[0].pk
    elif body["film"] == "NEW":
        body["film"] = films[4].pk
    before = snapshot()
    response = client_for(member).post(
        entries_url(lists["public"]), body, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert snapshot() == before


@pytest.mark.parametrize(
    "body",
    [
        {"title": ""},
        {"title": "x" * 201},
        {"title": "a\x00b"},
        {"title": "Ok", "description": "d" * 100_000},
        {"title": "Ok", "description": "\x00"},
        {"title": "Ok", "visibility": "secret"},
        {"title": "Ok", "ranked": "yes"},
    ],
)
def test_bad_lists_are_refused(member, body):
    response = client_for(member).post(LISTS, body, format="json")
    assert response.status_code == 400
    assert not List.objects.exists()


def test_moving_out_of_range_is_refused(member, lists):
    film_list = lists["public"]
    entry = film_list.entries.get(position=1)
    before = snapshot()
    response = client_for(member).patch(
        f"{entries_url(film_list)}{entry.pk}/", {"position": 4}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"position": ["Choose a position from 1 to 3."]}
    assert snapshot() == before


def test_another_members_lists_and_entries(lists, films):
    other = UserFactory()
    api = client_for(other)
    public, private = lists["public"], lists["private"]
    entry = public.entries.first()
    before = snapshot()
    assert api.patch(f"{LISTS}{public.pk}/", {"title": "x"}).status_code == 403
    assert api.delete(f"{LISTS}{public.pk}/").status_code == 403
    add = api.post(entries_url(public), {"film": films[4].pk}, format="json")
    assert add.status_code == 403
    entry_url = f"{entries_url(public)}{entry.pk}/"
    assert api.patch(entry_url, {"position": 2}, format="json").status_code == 403
    assert api.delete(entry_url).status_code == 403
    assert api.patch(f"{LISTS}{private.pk}/", {"title": "x"}).status_code == 404
    assert api.post(entries_url(private), {"film": films[4].pk}).status_code == 404
    # An entry id of another list under one's own list: not found.
    own = client_for(other).post(LISTS, {"title": "Mine"}, format="json").json()
    wrong = f"{LISTS}{own['id']}/entries/{entry.pk}/"
    assert api.delete(wrong).status_code == 404
    after = snapshot()
    assert after[1] == before[1]
    assert {row for row in after[0] if row[0] != own["id"]} == before[0]


def test_unverified_and_anonymous_cannot_write(unverified_member, lists):
    film_list = lists["public"]
    assert client_for().post(LISTS, {"title": "x"}, format="json").status_code == 401
    api = client_for(unverified_member)
    assert api.post(LISTS, {"title": "x"}, format="json").status_code == 403
    assert api.delete(f"{LISTS}{film_list.pk}/").status_code == 403


def _query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("viewer", ["anonymous", "owner"])
def test_queries_do_not_grow_with_entries(member, viewer):
    api = client_for(member if viewer == "owner" else None)
    counts = []
    for size in (5, 1000):
        films = bulk_films(size)
        film_list = list_create(owner=member, title=f"Size {size}")
        list_entries_append(
            user=member, list_id=film_list.pk, films=[(f, "") for f in films]
        )
        UserFilmFactory(user=member, film=films[0], rating=8)
        counts.append(
            (
                _query_count(api, LISTS),
                _query_count(api, entries_url(film_list)),
            )
        )
    assert counts[0] == counts[1]
