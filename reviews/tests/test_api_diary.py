"""/api/v1/diary/: list, create, read and delete viewings."""

import datetime

import pytest

from accounts.factories import UserFactory
from films.factories import FilmFactory
from reviews.models import UserFilm, Viewing
from reviews.viewing_services import viewing_log

pytestmark = pytest.mark.django_db

DIARY = "/api/v1/diary/"
DAY = datetime.date(2024, 3, 31)


def test_create_logs_a_viewing_and_a_double_post_logs_one(make_api_client, member):
    film = FilmFactory()
    client = make_api_client(member)
    data = {"film": film.pk, "watched_on": "2024-03-31", "rating": 9, "note": "Wow"}
    response = client.post(DIARY, data, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["watched_on"], body["rating"], body["stars"], body["rewatch"]) == (
        "2024-03-31",
        9,
        4.5,
        False,
    )
    assert body["user"]["username"] == member.username
    assert response["Location"].endswith(f"{DIARY}{body['id']}/")
    again = client.post(DIARY, data, format="json")
    assert again.status_code == 200
    assert again.json()["id"] == body["id"]
    assert Viewing.objects.count() == 1
    entry = UserFilm.objects.get(user=member, film=film)
    assert (entry.status, entry.rating) == ("watched", 9)


def test_a_rewatch_is_marked_and_read_only(make_api_client, member):
    film = FilmFactory()
    viewing_log(user=member, film=film, watched_on=DAY)
    response = make_api_client(member).post(
        DIARY,
        {"film": film.pk, "watched_on": "2024-04-02", "rewatch": False},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["rewatch"] is True


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"watched_on": "2999-01-01"}, "watched_on"),
        ({"watched_on": "1869-12-31"}, "watched_on"),
        ({"watched_on": "31/03/2024"}, "watched_on"),
        ({"watched_on": "2024-02-30"}, "watched_on"),
        ({"watched_on": None}, "watched_on"),
        ({"rating": 0}, "rating"),
        ({"rating": 11}, "rating"),
        ({"rating": "9.5"}, "rating"),
        ({"note": "x" * 501}, "note"),
        ({"note": "a\x00b"}, "note"),
        ({"film": 999999}, "film"),
        ({"film": "abc"}, "film"),
        # JSON integers only, as in the reviews API (filmtracker/rest/fields.py).
        ({"rating": "7"}, "rating"),
        ({"rating": True}, "rating"),
        ({"rating": 7.0}, "rating"),
        ({"film": True}, "film"),
        ({"film": 1.0}, "film"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_saves_nothing(
    make_api_client, member, data, field
):
    film = FilmFactory()
    payload = {"film": film.pk, "watched_on": "2024-03-31", **data}
    response = make_api_client(member).post(DIARY, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Viewing.objects.exists()
    assert not UserFilm.objects.exists()


def test_the_members_today_is_accepted_at_utc_plus_14(monkeypatch, make_api_client):
    # 23:30 UTC on 31 March: 1 April in Kiritimati, still 31 March in UTC.
    now = datetime.datetime(2024, 3, 31, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)
    film = FilmFactory()
    ahead = make_api_client(UserFactory(time_zone="Pacific/Kiritimati"))
    utc = make_api_client(UserFactory(time_zone="UTC"))
    data = {"film": film.pk, "watched_on": "2024-04-01"}
    assert ahead.post(DIARY, data, format="json").status_code == 201
    assert utc.post(DIARY, data, format="json").status_code == 400


def test_writes_need_a_verified_member(api_client, make_api_client, unverified_member):
    film = FilmFactory()
    data = {"film": film.pk, "watched_on": "2024-03-31"}
    assert api_client.post(DIARY, data, format="json").status_code == 401
    response = make_api_client(unverified_member).post(DIARY, data, format="json")
    assert response.status_code == 403
    assert not Viewing.objects.exists()


def test_only_the_owner_deletes_and_the_entry_stays(make_api_client, member):
    film = FilmFactory()
    viewing, _ = viewing_log(user=member, film=film, watched_on=DAY, rating=6)
    other = make_api_client(UserFactory())
    assert other.delete(f"{DIARY}{viewing.pk}/").status_code == 403
    assert other.delete(f"{DIARY}999999/").status_code == 404
    assert Viewing.objects.exists()
    assert make_api_client(member).delete(f"{DIARY}{viewing.pk}/").status_code == 204
    assert not Viewing.objects.exists()
    assert UserFilm.objects.get(user=member, film=film).rating == 6


def test_no_updates(make_api_client, member):
    viewing, _ = viewing_log(user=member, film=FilmFactory(), watched_on=DAY)
    client = make_api_client(member)
    assert client.patch(f"{DIARY}{viewing.pk}/", {"rating": 3}).status_code == 405


def test_list_filters_newest_first_and_read(api_client, member):
    matrix, heat = FilmFactory(), FilmFactory()
    other = UserFactory(username="other")
    old, _ = viewing_log(user=member, film=matrix, watched_on=datetime.date(2022, 1, 1))
    new, _ = viewing_log(user=member, film=heat, watched_on=DAY)
    theirs, _ = viewing_log(user=other, film=matrix, watched_on=DAY.replace(day=1))

    def ids(query=""):
        response = api_client.get(DIARY + query)
        assert response.status_code == 200
        return [row["id"] for row in response.json()["results"]]

    assert ids() == [new.pk, theirs.pk, old.pk]
    assert ids(f"?user={member.username}") == [new.pk, old.pk]
    assert ids(f"?film={matrix.pk}") == [theirs.pk, old.pk]
    assert ids("?year=2022") == [old.pk]
    for bad in ("?year=abc", "?year=", "?film=0", "?year=1000"):
        assert api_client.get(DIARY + bad).status_code == 400, bad
    response = api_client.get(f"{DIARY}{old.pk}/")
    assert response.status_code == 200
    assert response.json()["film"]["id"] == matrix.pk


def test_the_film_api_counts_viewings(api_client, member):
    film = FilmFactory()
    viewing_log(user=member, film=film, watched_on=DAY)
    viewing_log(user=member, film=film, watched_on=DAY.replace(day=1))
    body = api_client.get(f"/api/v1/films/{film.pk}/").json()
    assert (body["watch_count"], body["viewing_count"]) == (1, 2)


def test_the_list_of_everyones_viewings_counts_exactly_after_each_change(
    api_client, make_api_client, member
):
    film = FilmFactory()
    other = UserFactory()
    viewing_log(user=member, film=film, watched_on=DAY)

    def count():
        response = api_client.get(DIARY)
        assert response.status_code == 200
        return response.json()["count"]

    assert count() == 1
    viewing = viewing_log(user=other, film=film, watched_on=DAY)[0]
    assert count() == 2  # a new viewing (through the service, or the API below)
    client = make_api_client(member)
    client.post(DIARY, {"film": film.pk, "watched_on": "2024-04-01"}, format="json")
    assert count() == 3
    viewing.delete()
    assert count() == 2
    member.is_active = False  # a deactivated member's viewings are not listed
    member.save()
    assert count() == 0
    member.is_active = True
    member.save(update_fields=["is_active"])
    assert count() == 2
    # Filtered lists count their own rows.
    assert api_client.get(DIARY, {"user": other.username}).json()["count"] == 0


def test_lists_are_kept_until_a_change_and_show_it_at_once(
    api_client, member, django_assert_num_queries
):
    film = FilmFactory(title="Before")
    for day in range(1, 4):
        viewing_log(user=member, film=film, watched_on=DAY.replace(day=day))
    for params in ({}, {"user": member.username}):
        assert api_client.get(DIARY, params).json()["count"] == 3  # built, kept
        with django_assert_num_queries(0):
            assert api_client.get(DIARY, params).json()["count"] == 3
    film.title = "After"  # a film shown
    film.save()
    assert api_client.get(DIARY).json()["results"][0]["film"]["title"] == "After"
    member.username = "renamed"  # a member shown
    member.save()
    first = api_client.get(DIARY, {"user": "renamed"}).json()["results"][0]
    assert first["user"]["username"] == "renamed"
    viewing_log(user=member, film=film, watched_on=DAY.replace(day=9))
    first = api_client.get(DIARY, {"user": "renamed"}).json()["results"][0]
    assert (first["watched_on"], first["rewatch"]) == ("2024-03-09", True)
