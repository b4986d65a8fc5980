"""One rule, one place: what an entry may hold, refused alike by the site form,
the API and the admin (reviews.services.review_validate), with one message."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from films.factories import FilmFactory
from reviews.admin_userfilms import USERFILM_EDIT_URL_NAME
from reviews.factories import UserFilmFactory
from reviews.forms import UserFilmForm
from reviews.models import COMMENT_MAX_LENGTH, UserFilm
from reviews.tests.test_api_reviews import REVIEWS, detail

pytestmark = pytest.mark.django_db

WANT = UserFilm.Status.WANT
FUTURE_MESSAGE = "The date you watched the film cannot be in the future."
RATED_WANT_MESSAGE = "Rate the film once you've seen it, or change the status."
DATED_WANT_MESSAGE = "A film you still want to watch has no watch date."


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"rating": 0}, "rating", "1 to 10"),
        ({"rating": 11}, "rating", "1 to 10"),
        ({"rating": 7.5}, "rating", "valid integer"),
        ({"status": "loved"}, "status", "not a valid choice"),
        ({"comment": "x" * (COMMENT_MAX_LENGTH + 1)}, "comment", "no more than"),
        ({"film": 987654}, "film", "There is no film with id 987654."),
        ({"film": None}, "film", "may not be null"),
        ({"watched_on": "tomorrow"}, "watched_on", "wrong format"),
    ],
)
def test_invalid_entries_are_refused_with_field_errors(
    make_api_client, member, changes, field, message
):
    film = FilmFactory()
    response = make_api_client(member).post(REVIEWS, {"film": film.pk, **changes})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert list(body["errors"]) == [field]
    assert message in body["errors"][field][0]
    assert body["detail"] == f"{field}: {body['errors'][field][0]}"
    assert not UserFilm.objects.exists()


def test_a_watch_date_in_the_future_is_refused(make_api_client, member):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = make_api_client(member).post(
        REVIEWS, {"film": FilmFactory().pk, "watched_on": tomorrow.isoformat()}
    )
    assert response.status_code == 400
    assert response.json()["errors"]["watched_on"] == [
        "The date you watched the film cannot be in the future."
    ]


def test_a_comment_of_exactly_the_maximum_length_is_fine(make_api_client, member):
    comment = "x" * COMMENT_MAX_LENGTH
    response = make_api_client(member).post(
        REVIEWS, {"film": FilmFactory().pk, "comment": comment}
    )
    assert response.status_code == 201
    assert UserFilm.objects.get().comment == comment


def test_a_body_that_is_not_json_is_a_clear_400(make_api_client, member):
    response = make_api_client(member).post(
        REVIEWS, "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert "JSON" in response.json()["detail"]


def test_want_to_watch_with_a_rating_is_refused_by_the_api(make_api_client, member):
    film = FilmFactory()
    client = make_api_client(member)
    response = client.post(REVIEWS, {"film": film.pk, "status": WANT, "rating": 7})
    assert response.status_code == 400
    assert response.json()["errors"] == {"rating": [RATED_WANT_MESSAGE]}
    assert not UserFilm.objects.exists()  # nothing counts in the average


def test_want_to_watch_with_a_watch_date_is_refused_by_the_api(make_api_client, member):
    today = timezone.localdate().isoformat()
    response = make_api_client(member).post(
        REVIEWS, {"film": FilmFactory().pk, "status": WANT, "watched_on": today}
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"watched_on": [DATED_WANT_MESSAGE]}


def test_patching_a_rated_entry_to_want_is_refused_and_loses_nothing(
    make_api_client, member
):
    entry = UserFilmFactory(user=member, rating=8)
    response = make_api_client(member).patch(detail(entry), {"status": WANT})
    assert response.status_code == 400
    assert response.json()["errors"] == {"rating": [RATED_WANT_MESSAGE]}
    entry.refresh_from_db()
    assert (entry.status, entry.rating) == (UserFilm.Status.WATCHED, 8)


def test_the_site_form_gives_the_same_messages():
    tomorrow = timezone.localdate() + timedelta(days=1)
    form = UserFilmForm(data={"status": "watched", "watched_on": tomorrow})
    assert form.errors == {"watched_on": [FUTURE_MESSAGE]}
    today = timezone.localdate()
    form = UserFilmForm(data={"status": WANT, "rating": "3.5", "watched_on": today})
    assert form.errors == {
        "rating": [RATED_WANT_MESSAGE],
        "watched_on": [DATED_WANT_MESSAGE],
    }


def test_the_admin_edit_form_refuses_a_rated_want_to_watch(editor_client):
    entry = UserFilmFactory(rating=8, comment="Good.")
    url = reverse(USERFILM_EDIT_URL_NAME, args=[entry.pk])
    response = editor_client.post(
        url,
        {
            "user": entry.user_id,
            "film": entry.film_id,
            "rating": 8,
            "status": WANT,
            "watched_on": "",
            "comment": "Good.",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert RATED_WANT_MESSAGE.replace("'", "&#x27;") in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == UserFilm.Status.WATCHED
