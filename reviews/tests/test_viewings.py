"""Viewings: the rewatch rule, viewing_log / viewing_delete, the member's day."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.time_zones import member_today
from films.factories import FilmFactory
from films.years import VIEWING_YEAR_MIN
from reviews.diary_selectors import film_viewings_of_member
from reviews.factories import UserFilmFactory
from reviews.models import NOTE_MAX_LENGTH, UserFilm, Viewing
from reviews.selectors import with_member_numbers
from reviews.viewing_services import viewing_delete, viewing_log

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 3, 31)


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def test_logging_creates_the_entry_as_watched_with_the_rating(member):
    film = FilmFactory()
    viewing, created = viewing_log(user=member, film=film, watched_on=DAY, rating=7)
    assert created
    entry = UserFilm.objects.get(user=member, film=film)
    assert (entry.status, entry.rating, entry.watched_on) == ("watched", 7, DAY)
    assert (viewing.watched_on, viewing.rating, viewing.note) == (DAY, 7, "")


@pytest.mark.parametrize("status", ["want", "watching", "dropped"])
def test_logging_sets_any_status_to_watched_and_keeps_the_rating_if_unrated(
    member, status
):
    film = FilmFactory()
    rating = None if status == "want" else 4
    UserFilmFactory(user=member, film=film, status=status, rating=rating)
    viewing_log(user=member, film=film, watched_on=DAY)
    entry = UserFilm.objects.get(user=member, film=film)
    assert (entry.status, entry.rating) == ("watched", rating)


def test_a_rated_viewing_becomes_the_current_rating(member):
    film = FilmFactory()
    UserFilmFactory(user=member, film=film, rating=4, comment="Kept.")
    viewing_log(user=member, film=film, watched_on=DAY, rating=9)
    entry = UserFilm.objects.get(user=member, film=film)
    assert (entry.rating, entry.comment) == (9, "Kept.")


def test_rewatch_is_every_viewing_but_the_first_by_date_then_id(member):
    film = FilmFactory()
    later, _ = viewing_log(user=member, film=film, watched_on=DAY)
    earlier, _ = viewing_log(user=member, film=film, watched_on=DAY.replace(day=1))
    same_day, _ = viewing_log(user=member, film=film, watched_on=DAY, note="again")
    marks = {
        v.pk: v.rewatch for v in film_viewings_of_member(user=member, film_id=film.pk)
    }
    assert marks == {earlier.pk: False, later.pk: True, same_day.pk: True}
    # Another member's first viewing is theirs: not a rewatch.
    other = UserFactory()
    theirs, _ = viewing_log(user=other, film=film, watched_on=DAY)
    assert not film_viewings_of_member(user=other, film_id=film.pk)[0].rewatch
    # Removing the first makes the next one the first.
    viewing_delete(user=member, viewing_id=earlier.pk)
    marks = {
        v.pk: v.rewatch for v in film_viewings_of_member(user=member, film_id=film.pk)
    }
    assert marks == {later.pk: False, same_day.pk: True}


def test_a_double_click_logs_one_viewing_but_a_later_identical_one_logs_two(member):
    film = FilmFactory()
    first, created = viewing_log(user=member, film=film, watched_on=DAY, rating=8)
    again, created_again = viewing_log(user=member, film=film, watched_on=DAY, rating=8)
    assert created and not created_again
    assert again.pk == first.pk
    # Different rating or note: a different viewing, logged.
    _, created = viewing_log(user=member, film=film, watched_on=DAY, rating=6)
    assert created
    later = timezone.now() + datetime.timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        _, created = viewing_log(user=member, film=film, watched_on=DAY, rating=8)
    assert created
    assert Viewing.objects.count() == 3


def test_deleting_viewings_keeps_the_entry_and_only_deletes_ones_own(member):
    film = FilmFactory()
    viewing, _ = viewing_log(user=member, film=film, watched_on=DAY, rating=6)
    other = UserFactory()
    assert not viewing_delete(user=other, viewing_id=viewing.pk)
    assert Viewing.objects.filter(pk=viewing.pk).exists()
    assert viewing_delete(user=member, viewing_id=viewing.pk)
    assert not Viewing.objects.exists()
    entry = UserFilm.objects.get(user=member, film=film)
    assert (entry.status, entry.rating) == ("watched", 6)


def test_unverified_members_cannot_log(unverified_member):
    with pytest.raises(PermissionDenied):
        viewing_log(user=unverified_member, film=FilmFactory(), watched_on=DAY)
    assert not Viewing.objects.exists()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"watched_on": datetime.date(VIEWING_YEAR_MIN - 1, 12, 31)}, "watched_on"),
        ({"watched_on": datetime.date(1, 1, 1)}, "watched_on"),
        ({"watched_on": None}, "watched_on"),
        ({"rating": 0}, "rating"),
        ({"rating": 11}, "rating"),
        ({"note": "x" * (NOTE_MAX_LENGTH + 1)}, "note"),
        ({"note": "a\x00b"}, "note"),
    ],
)
def test_bad_viewings_are_refused_and_nothing_is_saved(member, values, field):
    film = FilmFactory()
    with pytest.raises(ValidationError) as error:
        viewing_log(user=member, film=film, **{"watched_on": DAY, **values})
    assert field in error.value.message_dict
    assert not Viewing.objects.exists()
    assert not UserFilm.objects.exists()


def test_the_earliest_day_is_accepted(member):
    day = datetime.date(VIEWING_YEAR_MIN, 1, 1)
    viewing, _ = viewing_log(user=member, film=FilmFactory(), watched_on=day)
    assert viewing.watched_on == day


# The member's calendar: 23:30 UTC on 31 March is already 1 April at UTC+14
# (Pacific/Kiritimati); 00:30 UTC on 1 April is still 31 March at UTC-11
# (Pacific/Pago_Pago).
@pytest.mark.parametrize(
    ("zone", "now", "today"),
    [
        ("Pacific/Kiritimati", utc(2024, 3, 31, 23, 30), datetime.date(2024, 4, 1)),
        ("Pacific/Kiritimati", utc(2024, 3, 31, 9, 59), datetime.date(2024, 3, 31)),
        ("Pacific/Pago_Pago", utc(2024, 4, 1, 0, 30), datetime.date(2024, 3, 31)),
        ("Pacific/Pago_Pago", utc(2024, 4, 1, 11, 0), datetime.date(2024, 4, 1)),
        ("UTC", utc(2024, 3, 31, 23, 30), datetime.date(2024, 3, 31)),
    ],
)
def test_today_and_the_future_are_judged_on_the_members_calendar(
    monkeypatch, zone, now, today
):
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)
    member = UserFactory(time_zone=zone)
    assert member_today(member) == today
    film = FilmFactory()
    viewing, _ = viewing_log(user=member, film=film, watched_on=today)
    assert viewing.watched_on == today
    with pytest.raises(ValidationError) as error:
        viewing_log(user=member, film=film, watched_on=today + datetime.timedelta(1))
    assert "watched_on" in error.value.message_dict
    assert Viewing.objects.count() == 1


def test_the_films_numbers_count_viewings(member):
    film, other_film = FilmFactory(), FilmFactory()
    viewing_log(user=member, film=film, watched_on=DAY)
    viewing_log(user=member, film=film, watched_on=DAY.replace(day=2))
    viewing_log(user=UserFactory(), film=film, watched_on=DAY)
    numbers = with_member_numbers(type(film).objects.all()).in_bulk()
    assert (numbers[film.pk].watch_count, numbers[film.pk].viewing_count) == (2, 3)
    assert numbers[other_film.pk].viewing_count == 0


def test_an_entrys_watch_date_is_judged_on_the_members_calendar_too(
    monkeypatch, client
):
    now = datetime.datetime(2024, 3, 31, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)
    ahead = UserFactory(time_zone="Pacific/Kiritimati")
    film = FilmFactory()
    client.force_login(ahead)
    page = client.get(f"/films/{film.slug}/rating/").content.decode()
    assert 'max="2024-04-01"' in page
    response = client.post(
        f"/films/{film.slug}/rating/", {"status": "watched", "watched_on": "2024-04-01"}
    )
    assert response.status_code == 302
    client.force_login(UserFactory(time_zone="UTC"))
    response = client.post(
        f"/films/{film.slug}/rating/", {"status": "watched", "watched_on": "2024-04-01"}
    )
    assert response.status_code == 400
    assert UserFilm.objects.count() == 1
