"""The users API: your profile (`me`), public profiles and members' films."""

import pytest
from allauth.account.adapter import get_adapter
from django.core.exceptions import ValidationError

from accounts.factories import UserFactory
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db

ME = "/api/v1/users/me/"


def test_me_shows_your_own_profile(make_api_client):
    user = UserFactory(username="ann", display_name="Ann L.", bio="Hi.")
    response = make_api_client(user).get(ME)
    assert response.status_code == 200
    assert response.json() == {
        "username": "ann",
        "email": "ann@example.com",
        "display_name": "Ann L.",
        "public_name": "Ann L.",
        "bio": "Hi.",
        "date_joined": response.json()["date_joined"],
        "time_zone": "UTC",
        "can_review": True,
        "url": "http://testserver/users/ann/",
    }


def test_me_tells_unverified_members_they_cannot_review_yet(
    make_api_client, unverified_member
):
    assert make_api_client(unverified_member).get(ME).json()["can_review"] is False


def test_me_needs_signing_in(api_client):
    response = api_client.get(ME)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_patch_me_changes_display_name_and_bio_only(make_api_client, member):
    response = make_api_client(member).patch(
        ME,
        {
            "display_name": "  Neo ",
            "bio": "The One.",
            "username": "someone-else",
            "email": "new@example.com",
        },
    )
    assert response.status_code == 200
    member.refresh_from_db()
    assert (member.display_name, member.bio) == ("Neo", "The One.")
    assert member.username != "someone-else"
    assert member.email != "new@example.com"
    assert response.json()["public_name"] == "Neo"


@pytest.mark.parametrize(
    ("field", "value"), [("display_name", "x" * 61), ("bio", "x" * 501)]
)
def test_patch_me_validates_lengths_and_keeps_the_old_values(
    make_api_client, member, field, value
):
    response = make_api_client(member).patch(ME, {field: value})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    member.refresh_from_db()
    assert getattr(member, field) == ""


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 401), ("unverified", 200), ("member", 200), ("staff", 200)],
)
def test_who_may_change_a_profile(
    make_api_client, unverified_member, member, editor, who, status
):
    user = {"unverified": unverified_member, "member": member, "staff": editor}.get(who)
    response = make_api_client(user).patch(ME, {"bio": "Changed."})
    assert response.status_code == status
    if user is not None:
        user.refresh_from_db()
        assert user.bio == "Changed."


def test_me_cannot_be_replaced_or_deleted(make_api_client, member):
    client = make_api_client(member)
    assert client.put(ME, {"bio": "x"}).status_code == 405
    assert client.delete(ME).status_code == 405


def test_public_profile_counts_films_per_status(api_client):
    ann = UserFactory(username="ann.lee", display_name="Ann", bio="Films!")
    UserFilmFactory.create_batch(3, user=ann, rating=8)
    UserFilmFactory(user=ann, status=UserFilm.Status.WANT, rating=None)
    UserFilmFactory(user=ann, status=UserFilm.Status.DROPPED, rating=2)
    UserFilmFactory(rating=5)  # someone else's

    response = api_client.get("/api/v1/users/ann.lee/")

    assert response.status_code == 200
    body = response.json()
    assert body["public_name"] == "Ann"
    assert body["bio"] == "Films!"
    assert "email" not in body
    assert body["counts"] == {
        "want": 1,
        "watching": 0,
        "watched": 3,
        "dropped": 1,
        "rated": 4,
    }
    assert body["films_url"] == "http://testserver/api/v1/users/ann.lee/films/"


def test_unknown_and_deactivated_members_have_no_profile(api_client):
    UserFactory(username="gone", is_active=False)
    assert api_client.get("/api/v1/users/gone/").status_code == 404
    assert api_client.get("/api/v1/users/nobody/").status_code == 404
    assert api_client.get("/api/v1/users/gone/films/").status_code == 404


def test_a_members_films_newest_first_filtered_by_status(api_client):
    ann = UserFactory(username="ann")
    watched = UserFilmFactory(user=ann)
    wanted = UserFilmFactory(user=ann, status=UserFilm.Status.WANT, rating=None)
    UserFilmFactory()  # someone else's

    body = api_client.get("/api/v1/users/ann/films/").json()
    assert [entry["id"] for entry in body["results"]] == [wanted.pk, watched.pk]

    want = api_client.get("/api/v1/users/ann/films/", {"status": "want"}).json()
    assert [entry["id"] for entry in want["results"]] == [wanted.pk]
    assert (
        api_client.get("/api/v1/users/ann/films/", {"status": "x"}).status_code == 400
    )


def test_profile_and_films_take_the_same_queries_at_any_size(
    api_client, django_assert_num_queries
):
    ann = UserFactory(username="ann")
    UserFilmFactory.create_batch(2, user=ann)
    with django_assert_num_queries(1):
        assert api_client.get("/api/v1/users/ann/").json()["counts"]["watched"] == 2
    with django_assert_num_queries(3):  # member, count, page
        assert api_client.get("/api/v1/users/ann/films/").json()["count"] == 2
    UserFilmFactory.create_batch(15, user=ann)
    with django_assert_num_queries(1):
        assert api_client.get("/api/v1/users/ann/").json()["counts"]["watched"] == 17
    with django_assert_num_queries(3):
        assert api_client.get("/api/v1/users/ann/films/").json()["count"] == 17


@pytest.mark.parametrize("username", ["me", "ME"])
def test_nobody_can_sign_up_as_me_which_would_hide_their_api_profile(username):
    with pytest.raises(ValidationError):
        get_adapter().clean_username(username)
    assert get_adapter().clean_username("meg") == "meg"


def test_patch_me_sets_a_valid_time_zone_only(make_api_client, member):
    client = make_api_client(member)
    response = client.patch(ME, {"time_zone": "Pacific/Pago_Pago"})
    assert response.status_code == 200
    assert response.json()["time_zone"] == "Pacific/Pago_Pago"
    for bad in ("Nowhere/Land", "", "../../etc/passwd", "x" * 65):
        response = client.patch(ME, {"time_zone": bad})
        assert response.status_code == 400, bad
        assert "time_zone" in response.json()["errors"]
    member.refresh_from_db()
    assert member.time_zone == "Pacific/Pago_Pago"
