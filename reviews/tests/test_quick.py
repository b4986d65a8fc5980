"""One-click stars, Watched and Watchlist: the service, the forms (no
JavaScript, PRG) and the API the script uses (/api/v1/reviews/rate/, /status/)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from accounts.factories import UserFactory
from films.factories import FilmFactory
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm, Viewing
from reviews.quick_services import review_rate, review_status_toggle
from reviews.viewing_services import viewing_log

pytestmark = pytest.mark.django_db

RATE = "/api/v1/reviews/rate/"
STATUS = "/api/v1/reviews/status/"
S = UserFilm.Status


@pytest.fixture
def film():
    return FilmFactory(title="Stalker", year=1979)


def entry(member, film):
    return UserFilm.objects.filter(user=member, film=film).first()


# --- The service ----------------------------------------------------------


def test_rating_creates_a_watched_entry_and_never_a_viewing(member, film):
    review_rate(user=member, film=film, rating=9)
    assert (entry(member, film).status, entry(member, film).rating) == (S.WATCHED, 9)
    assert not Viewing.objects.exists()


def test_rating_a_watchlist_film_makes_it_watched_other_statuses_stay(member, film):
    UserFilmFactory(user=member, film=film, status=S.WANT, rating=None)
    review_rate(user=member, film=film, rating=6)
    assert entry(member, film).status == S.WATCHED
    dropped = FilmFactory()
    UserFilmFactory(user=member, film=dropped, status=S.DROPPED, rating=None)
    review_rate(user=member, film=dropped, rating=2)
    assert entry(member, dropped).status == S.DROPPED


def test_clearing_keeps_the_entry_and_clearing_nothing_creates_nothing(member, film):
    assert review_rate(user=member, film=film, rating=None) is None
    assert not UserFilm.objects.exists()
    review_rate(user=member, film=film, rating=7)
    review_rate(user=member, film=film, rating=None)
    assert (entry(member, film).status, entry(member, film).rating) == (S.WATCHED, None)


@pytest.mark.parametrize("rating", [0, 11, -1])
def test_a_rating_out_of_range_saves_nothing(member, film, rating):
    with pytest.raises(ValidationError):
        review_rate(user=member, film=film, rating=rating)
    assert not UserFilm.objects.exists()


def test_toggles_set_and_unset_a_status(member, film):
    review_status_toggle(user=member, film=film, status=S.WANT, on=True)
    assert entry(member, film).status == S.WANT
    review_status_toggle(user=member, film=film, status=S.WATCHED, on=True)
    assert entry(member, film).status == S.WATCHED
    # Off for a status the entry does not have changes nothing.
    review_status_toggle(user=member, film=film, status=S.WANT, on=False)
    assert entry(member, film).status == S.WATCHED
    assert (
        review_status_toggle(user=member, film=film, status=S.WATCHED, on=False) is None
    )
    assert not UserFilm.objects.exists()
    assert not Viewing.objects.exists()


def test_off_refuses_to_throw_away_a_rating_review_or_viewings(member, film):
    UserFilmFactory(user=member, film=film, status=S.WATCHED, rating=8)
    with pytest.raises(ValidationError, match="remove them first"):
        review_status_toggle(user=member, film=film, status=S.WATCHED, on=False)
    other = FilmFactory()
    viewing_log(user=member, film=other, watched_on=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError, match="viewings"):
        review_status_toggle(user=member, film=other, status=S.WATCHED, on=False)
    assert UserFilm.objects.filter(user=member).count() == 2


def test_a_rated_film_cannot_go_on_the_watchlist(member, film):
    UserFilmFactory(user=member, film=film, status=S.WATCHED, rating=8)
    with pytest.raises(ValidationError) as error:
        review_status_toggle(user=member, film=film, status=S.WANT, on=True)
    assert "status" in error.value.message_dict
    assert entry(member, film).status == S.WATCHED


def test_only_verified_members_and_known_statuses(unverified_member, member, film):
    with pytest.raises(PermissionDenied):
        review_rate(user=unverified_member, film=film, rating=5)
    with pytest.raises(ValidationError):
        review_status_toggle(user=member, film=film, status=S.DROPPED, on=True)
    assert not UserFilm.objects.exists()


# --- Without JavaScript: forms and PRG -------------------------------------


def test_the_film_page_and_cards_show_the_controls_to_members(member_client, film):
    page = member_client.get(film.get_absolute_url()).content.decode()
    assert page.count('type="radio" name="rating"') == 11  # ten half stars, none
    assert 'aria-pressed="false" data-toggle-status="watched"' in page
    assert "js/quick-controls.js" in page
    search = member_client.get("/search/", {"q": "Stalker"}).content.decode()
    assert reverse("reviews:quick_rate", args=[film.slug]) in search


def test_anonymous_cards_get_a_sign_in_link_and_no_member_controls(client, film):
    search = client.get("/search/", {"q": "Stalker"}).content.decode()
    assert "Sign in to rate" in search
    assert 'name="rating"' not in search
    page = client.get(film.get_absolute_url()).content.decode()
    assert 'name="rating"' not in page
    assert "quick-controls.js" not in page


def test_the_anonymous_page_cache_never_serves_a_members_controls(client, member, film):
    member_client = Client()
    member_client.force_login(member)
    member_client.get(film.get_absolute_url())
    client.get(film.get_absolute_url())  # stored for anonymous visitors
    cached = client.get(film.get_absolute_url())
    assert cached["X-Page-Cache"] == "hit"
    assert 'name="rating"' not in cached.content.decode()


def test_forms_rate_clear_and_toggle_then_go_back(member_client, member, film):
    rate = reverse("reviews:quick_rate", args=[film.slug])
    status = reverse("reviews:quick_status", args=[film.slug])
    response = member_client.post(rate, {"rating": "7", "next": "/search/?q=x"})
    assert (response.status_code, response["Location"]) == (302, "/search/?q=x")
    assert entry(member, film).rating == 7
    member_client.post(rate, {"rating": ""})
    assert entry(member, film).rating is None
    member_client.post(status, {"status": "want", "on": "1"})
    assert entry(member, film).status == S.WANT
    response = member_client.post(status, {"status": "want", "on": "0"})
    assert response["Location"] == f"{film.get_absolute_url()}#your-rating"
    assert entry(member, film) is None
    assert not Viewing.objects.exists()


def test_forms_refuse_bad_input_and_offsite_next(member_client, member, film):
    rate = reverse("reviews:quick_rate", args=[film.slug])
    status = reverse("reviews:quick_status", args=[film.slug])
    response = member_client.post(rate, {"rating": "11", "next": "https://evil.test/"})
    assert response["Location"] == f"{film.get_absolute_url()}#your-rating"
    member_client.post(status, {"status": "dropped", "on": "1"})
    assert not UserFilm.objects.exists()
    UserFilmFactory(user=member, film=film, status=S.WATCHED, rating=8)
    response = member_client.post(status, {"status": "want", "on": "1"}, follow=True)
    assert "Rate the film once you" in response.content.decode()
    assert entry(member, film).status == S.WATCHED


def test_forms_need_a_verified_member(client, unverified_member, film):
    rate = reverse("reviews:quick_rate", args=[film.slug])
    assert client.post(rate, {"rating": "5"}).status_code == 302  # to sign in
    client.force_login(unverified_member)
    client.post(rate, {"rating": "5"})
    assert not UserFilm.objects.exists()


# --- With JavaScript: the API ----------------------------------------------


def test_api_rate_answers_the_entry_and_the_films_numbers(
    make_api_client, member, film
):
    viewing_log(user=UserFactory(), film=film, watched_on=datetime.date(2024, 1, 1))
    response = make_api_client(member).post(
        RATE, {"film": film.pk, "rating": 9}, format="json"
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["review"]["rating"], body["review"]["status"]) == (9, "watched")
    numbers = body["numbers"]
    assert (numbers["rating_count"], numbers["watch_count"]) == (1, 2)
    assert numbers["watch_count_text"] == "watched by 2 members"
    assert numbers["viewing_count_text"] == "1 viewing"
    assert numbers["average_text"] == "4.5"
    # An average the film page writes as 3.3 (half up) is 3.3 here too.
    UserFilmFactory(film=film, rating=4)
    again = make_api_client(member).post(RATE, {"film": film.pk, "rating": 9})
    assert again.json()["numbers"]["average_text"] == "3.3"  # 6.5 / 2
    cleared = make_api_client(member).post(
        RATE, {"film": film.pk, "rating": None}, format="json"
    )
    assert cleared.json()["review"]["rating"] is None


def test_api_status_toggle_and_its_refusals(make_api_client, member, film):
    client = make_api_client(member)
    on = client.post(STATUS, {"film": film.pk, "status": "want", "on": True}, "json")
    assert on.json()["review"]["status"] == "want"
    off = client.post(STATUS, {"film": film.pk, "status": "want", "on": False}, "json")
    assert (off.status_code, off.json()["review"]) == (200, None)
    for bad in (
        {"film": film.pk, "status": "dropped", "on": True},
        {"film": film.pk, "status": "want", "on": "yes"},
        {"film": film.pk, "status": "want", "on": 1},
        {"film": 999_999, "status": "want", "on": True},
        {"film": film.pk, "rating": 11},
    ):
        response = client.post(STATUS if "status" in bad else RATE, bad, "json")
        assert response.status_code == 400, bad
    assert not UserFilm.objects.exists()


def test_api_quick_writes_need_a_verified_member_and_the_csrf_token(
    api_client, make_api_client, unverified_member, member, film
):
    body = {"film": film.pk, "rating": 5}
    assert api_client.post(RATE, body, format="json").status_code == 401
    assert (
        make_api_client(unverified_member).post(RATE, body, "json").status_code == 403
    )
    from rest_framework.test import APIClient

    strict = APIClient(enforce_csrf_checks=True)
    strict.force_login(member)
    assert strict.post(RATE, body, format="json").status_code == 403
    assert not UserFilm.objects.exists()
