"""The film page's viewings: log one (today or another date), remove one, PRG."""

import datetime

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from films.factories import FilmFactory
from reviews.models import UserFilm, Viewing
from reviews.viewing_services import viewing_log

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 3, 31)


@pytest.fixture
def film():
    return FilmFactory(title="Stalker", year=1979)


def add_url(film):
    return reverse("reviews:viewing_add", args=[film.slug])


def test_watched_today_in_one_click_is_the_members_today(monkeypatch, client, film):
    # 23:30 UTC: already 1 April for a member at UTC+14.
    now = datetime.datetime(2024, 3, 31, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)
    member = UserFactory(time_zone="Pacific/Kiritimati")
    client.force_login(member)
    page = client.get(film.get_absolute_url()).content.decode()
    assert 'data-testid="watched-today"' in page
    assert 'max="2024-04-01"' in page
    response = client.post(add_url(film), {"today": "1"})
    assert response.status_code == 302
    assert response["Location"] == f"{film.get_absolute_url()}#your-viewings"
    viewing = Viewing.objects.get()
    assert viewing.watched_on == datetime.date(2024, 4, 1)
    assert UserFilm.objects.get(user=member, film=film).status == "watched"


def test_another_date_with_stars_and_the_page_shows_rewatch_marks_and_counts(
    member_client, member, film
):
    member_client.post(add_url(film), {"watched_on": "2020-01-05", "rating": "4"})
    member_client.post(add_url(film), {"watched_on": "2023-06-01", "note": "Again"})
    viewing_log(user=UserFactory(), film=film, watched_on=DAY)
    page = member_client.get(film.get_absolute_url()).content.decode()
    assert 'data-testid="viewing-count">3 viewings' in page
    assert "watched by 2 members" in page
    assert page.count('data-testid="rewatch"') == 1
    assert "Again" in page
    assert UserFilm.objects.get(user=member, film=film).rating == 8


@pytest.mark.parametrize(
    "data",
    [
        {"watched_on": "2999-01-01"},
        {"watched_on": "1869-12-31"},
        {"watched_on": "not a date"},
        {"watched_on": ""},
        {"watched_on": "2020-01-01", "rating": "7"},
        {"watched_on": "2020-01-01", "note": "x" * 501},
    ],
)
def test_bad_input_is_shown_again_as_a_400_and_nothing_saved(member_client, film, data):
    response = member_client.post(add_url(film), data)
    assert response.status_code == 400
    assert "invalid-feedback" in response.content.decode()
    assert not Viewing.objects.exists()
    assert not UserFilm.objects.exists()


def test_remove_one_viewing_keeps_the_entry_and_only_ones_own(
    member_client, member, film
):
    mine, _ = viewing_log(user=member, film=film, watched_on=DAY, rating=6)
    theirs, _ = viewing_log(user=UserFactory(), film=film, watched_on=DAY)
    url = reverse("reviews:viewing_remove", args=[film.slug, theirs.pk])
    assert member_client.post(url).status_code == 404
    assert (
        member_client.get(
            reverse("reviews:viewing_remove", args=[film.slug, mine.pk])
        ).status_code
        == 405
    )
    response = member_client.post(
        reverse("reviews:viewing_remove", args=[film.slug, mine.pk])
    )
    assert response.status_code == 302
    assert list(Viewing.objects.all()) == [theirs]
    assert UserFilm.objects.get(user=member, film=film).rating == 6


def test_logging_needs_a_verified_member(client, unverified_member, film):
    assert client.post(add_url(film), {"today": "1"}).status_code == 302  # login
    client.force_login(unverified_member)
    assert client.post(add_url(film), {"today": "1"}).status_code == 403
    assert not Viewing.objects.exists()


# --- no control logs a status the member did not choose ----------------------


def test_the_rating_form_preselects_no_status_for_a_new_entry(member_client, film):
    page = member_client.get(film.get_absolute_url()).content.decode()
    assert '<option value="" selected>' in page
    assert '<option value="watched" selected>' not in page


def test_saving_the_untouched_rating_form_logs_nothing(member_client, member, film):
    response = member_client.post(
        reverse("reviews:edit", args=[film.slug]),
        {"rating": "", "status": "", "watched_on": "", "comment": ""},
    )
    assert response.status_code == 400
    assert not UserFilm.objects.exists()
    assert not Viewing.objects.exists()


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"rating": "3"}, "watched"),
        ({"comment": "Slow."}, "watched"),
        ({"status": "want"}, "want"),
        ({"status": "dropped"}, "dropped"),
    ],
)
def test_a_rating_or_comment_alone_means_watched_a_chosen_status_is_kept(
    member_client, member, film, data, status
):
    values = {"rating": "", "status": "", "watched_on": "", "comment": "", **data}
    response = member_client.post(reverse("reviews:edit", args=[film.slug]), values)
    assert response.status_code == 302
    assert UserFilm.objects.get(user=member, film=film).status == status
    assert not Viewing.objects.exists()
