"""The reviews API (UserFilm): reading, writing, validation and who may do what."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from films.factories import FilmFactory
from reviews.factories import UserFilmFactory
from reviews.models import COMMENT_MAX_LENGTH, UserFilm

pytestmark = pytest.mark.django_db

REVIEWS = "/api/v1/reviews/"


def detail(userfilm):
    return f"{REVIEWS}{userfilm.pk}/"


# --- Reading ----------------------------------------------------------------------


def test_anyone_can_list_and_read_entries(api_client):
    entry = UserFilmFactory(
        rating=7,
        comment="Good.",
        watched_on=timezone.localdate(),
        user__display_name="Ann",
    )

    listed = api_client.get(REVIEWS)
    assert listed.status_code == 200
    assert listed.json()["count"] == 1

    response = api_client.get(detail(entry))
    assert response.status_code == 200
    body = response.json()
    assert body == listed.json()["results"][0]
    assert body["rating"] == 7
    assert body["stars"] == 3.5
    assert body["status"] == "watched"
    assert body["comment"] == "Good."
    assert body["watched_on"] == timezone.localdate().isoformat()
    assert body["film"]["id"] == entry.film_id
    assert body["user"]["username"] == entry.user.username
    assert body["user"]["public_name"] == "Ann"
    assert body["user"]["url"] == f"http://testserver/users/{entry.user.username}/"


def test_list_filters_by_film_member_and_status(api_client):
    film = FilmFactory()
    ann, bob = UserFactory(username="ann"), UserFactory(username="bob")
    ann_film = UserFilmFactory(user=ann, film=film)
    bob_film = UserFilmFactory(user=bob, film=film, status=UserFilm.Status.WANT)
    ann_other = UserFilmFactory(user=ann)

    def ids(**params):
        response = api_client.get(REVIEWS, params)
        assert response.status_code == 200
        return {entry["id"] for entry in response.json()["results"]}

    assert ids(film=film.pk) == {ann_film.pk, bob_film.pk}
    assert ids(user="ann") == {ann_film.pk, ann_other.pk}
    assert ids(status="want") == {bob_film.pk}
    assert ids(film=film.pk, user="ann", status="watched") == {ann_film.pk}
    assert ids(user="nobody") == set()


@pytest.mark.parametrize(
    ("params", "field"),
    [({"film": "abc"}, "film"), ({"film": "1.5"}, "film"), ({"status": "x"}, "status")],
)
def test_invalid_filters_are_a_400(api_client, params, field):
    response = api_client.get(REVIEWS, params)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


def test_deactivated_members_entries_are_hidden(api_client):
    entry = UserFilmFactory(user__is_active=False)
    assert api_client.get(REVIEWS).json()["count"] == 0
    assert api_client.get(detail(entry)).status_code == 404


def test_unknown_entry_is_a_404(api_client):
    assert api_client.get(f"{REVIEWS}987654/").status_code == 404


def test_list_takes_the_same_queries_at_any_size(api_client, django_assert_num_queries):
    UserFilmFactory.create_batch(2)
    with django_assert_num_queries(2):  # count, page (members and films joined)
        assert api_client.get(REVIEWS).json()["count"] == 2
    UserFilmFactory.create_batch(15)
    with django_assert_num_queries(2):
        assert api_client.get(REVIEWS).json()["count"] == 17


# --- Creating ---------------------------------------------------------------------


def test_member_rates_and_reviews_a_film(make_api_client, member):
    film = FilmFactory()
    watched_on = timezone.localdate() - timedelta(days=3)
    response = make_api_client(member).post(
        REVIEWS,
        {
            "film": film.pk,
            "rating": 9,
            "status": "watched",
            "comment": "Loved it.",
            "watched_on": watched_on.isoformat(),
        },
    )
    assert response.status_code == 201
    entry = UserFilm.objects.get(user=member, film=film)
    assert (entry.rating, entry.status, entry.comment, entry.watched_on) == (
        9,
        "watched",
        "Loved it.",
        watched_on,
    )
    assert response.json()["id"] == entry.pk
    assert response.json()["stars"] == 4.5
    assert response["Location"] == f"http://testserver{detail(entry)}"


def test_only_the_film_is_required_and_status_defaults_to_watched(
    make_api_client, member
):
    film = FilmFactory()
    response = make_api_client(member).post(REVIEWS, {"film": film.pk})
    assert response.status_code == 201
    assert response.json()["status"] == "watched"
    assert response.json()["rating"] is None
    assert response.json()["stars"] is None


def test_a_second_entry_for_the_same_film_is_a_400_pointing_at_put(
    make_api_client, member
):
    entry = UserFilmFactory(user=member, rating=6, comment="First.")
    response = make_api_client(member).post(
        REVIEWS, {"film": entry.film_id, "rating": 10}
    )
    assert response.status_code == 400
    body = response.json()
    assert "already have an entry" in body["detail"]
    assert f"PUT or PATCH /api/v1/reviews/{entry.pk}/" in body["detail"]
    assert list(body["errors"]) == ["film"]
    entry.refresh_from_db()
    assert (entry.rating, entry.comment) == (6, "First.")
    assert UserFilm.objects.count() == 1


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 401), ("unverified", 403), ("member", 201), ("staff", 201)],
)
def test_who_may_create(
    make_api_client, unverified_member, member, editor, who, status
):
    user = {"unverified": unverified_member, "member": member, "staff": editor}
    response = make_api_client(user.get(who)).post(
        REVIEWS, {"film": FilmFactory().pk, "rating": 8}
    )
    assert response.status_code == status
    assert UserFilm.objects.count() == (1 if status == 201 else 0)
    if status == 201:
        assert UserFilm.objects.get().user == user[who]


# --- Changing and deleting ---------------------------------------------------------


def test_put_replaces_the_entry(make_api_client, member):
    entry = UserFilmFactory(
        user=member, rating=6, comment="Hm.", status=UserFilm.Status.DROPPED
    )
    other_film = FilmFactory()
    response = make_api_client(member).put(
        detail(entry), {"rating": 8, "film": other_film.pk}
    )
    assert response.status_code == 200
    entry.refresh_from_db()
    # Left out: back to the defaults. The film cannot change.
    assert (entry.rating, entry.comment, entry.status) == (8, "", "watched")
    assert entry.film_id != other_film.pk
    assert response.json()["rating"] == 8


def test_patch_changes_only_what_it_sends(make_api_client, member):
    entry = UserFilmFactory(
        user=member, rating=6, comment="Hm.", status=UserFilm.Status.DROPPED
    )
    response = make_api_client(member).patch(detail(entry), {"rating": 3})
    assert response.status_code == 200
    entry.refresh_from_db()
    assert (entry.rating, entry.comment, entry.status) == (3, "Hm.", "dropped")
    assert response.json()["comment"] == "Hm."


def test_patch_can_clear_the_rating(make_api_client, member):
    entry = UserFilmFactory(user=member, rating=6)
    response = make_api_client(member).patch(detail(entry), {"rating": None})
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.rating is None


@pytest.mark.parametrize("method", ["put", "patch"])
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rating": 0}, "rating"),
        ({"rating": 11}, "rating"),
        ({"status": "loved"}, "status"),
        ({"comment": "x" * (COMMENT_MAX_LENGTH + 1)}, "comment"),
    ],
)
def test_invalid_changes_are_refused_and_lose_nothing(
    make_api_client, member, method, changes, field
):
    entry = UserFilmFactory(user=member, rating=6, comment="Keep me.")
    response = getattr(make_api_client(member), method)(detail(entry), changes)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    entry.refresh_from_db()
    assert (entry.rating, entry.comment) == (6, "Keep me.")


def test_owner_deletes_their_entry(make_api_client, member):
    entry = UserFilmFactory(user=member)
    response = make_api_client(member).delete(detail(entry))
    assert response.status_code == 204
    assert not UserFilm.objects.filter(pk=entry.pk).exists()


WRITES = {
    "put": ({"rating": 2}, 200),
    "patch": ({"rating": 2}, 200),
    "delete": (None, 204),
}


@pytest.mark.parametrize("method", list(WRITES))
@pytest.mark.parametrize(
    ("who", "allowed", "refusal"),
    [
        ("anonymous", False, 401),
        ("unverified owner", False, 403),
        ("other member", False, 403),
        ("staff", False, 403),
        ("owner", True, None),
    ],
)
def test_only_the_verified_owner_may_change_or_delete(
    make_api_client, member, editor, method, who, allowed, refusal
):
    owner = UserFactory(verified=(who != "unverified owner"))
    entry = UserFilmFactory(user=owner, rating=7, comment="Mine.")
    user = {
        "unverified owner": owner,
        "owner": owner,
        "other member": member,
        "staff": editor,
    }.get(who)
    body, success = WRITES[method]

    response = getattr(make_api_client(user), method)(detail(entry), body)

    if allowed:
        assert response.status_code == success
        return
    assert response.status_code == refusal
    assert response.json()["code"] in ("not_authenticated", "permission_denied")
    entry.refresh_from_db()
    assert (entry.rating, entry.comment) == (7, "Mine.")
    if who in ("other member", "staff"):
        assert response.json()["detail"] == (
            "You can only change your own ratings and reviews."
        )


def test_changing_an_unknown_entry_is_a_404(make_api_client, member):
    client = make_api_client(member)
    assert client.patch(f"{REVIEWS}987654/", {"rating": 2}).status_code == 404
    assert client.delete(f"{REVIEWS}987654/").status_code == 404
