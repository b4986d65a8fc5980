"""The member's calendar at the edges: UTC-11 and UTC+14 around midnight UTC.

Pacific/Pago_Pago is UTC-11 and Pacific/Kiritimati UTC+14 (neither has
daylight saving). At 00:30 UTC on 1 April it is still 31 March in Pago Pago;
at 23:30 UTC on 31 March it is already 1 April in Kiritimati. The site form,
the API and the date input's `max` all follow the member's day.
"""

import datetime

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from films.factories import FilmFactory
from reviews.forms import ViewingForm
from reviews.models import Viewing

pytestmark = pytest.mark.django_db

DIARY = "/api/v1/diary/"
BEHIND, AHEAD = "Pacific/Pago_Pago", "Pacific/Kiritimati"
# (zone, now in UTC, the member's today, their tomorrow)
EDGES = [
    (
        BEHIND,
        datetime.datetime(2024, 4, 1, 0, 30, tzinfo=datetime.UTC),
        datetime.date(2024, 3, 31),
        datetime.date(2024, 4, 1),
    ),
    (
        AHEAD,
        datetime.datetime(2024, 3, 31, 23, 30, tzinfo=datetime.UTC),
        datetime.date(2024, 4, 1),
        datetime.date(2024, 4, 2),
    ),
]


@pytest.fixture(params=EDGES, ids=["utc-11", "utc+14"])
def edge(request, monkeypatch):
    zone, now, today, tomorrow = request.param
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)
    return UserFactory(time_zone=zone), today, tomorrow


def test_the_form_takes_the_members_today_and_refuses_their_tomorrow(edge):
    member, today, tomorrow = edge
    form = ViewingForm(user=member)
    assert form.fields["watched_on"].widget.attrs["max"] == today.isoformat()
    assert form.initial["watched_on"] == today
    assert ViewingForm({"watched_on": today.isoformat()}, user=member).is_valid()
    late = ViewingForm({"watched_on": tomorrow.isoformat()}, user=member)
    assert not late.is_valid()
    assert "watched_on" in late.errors
    today_button = ViewingForm({"today": "1"}, user=member)
    assert today_button.is_valid()
    assert today_button.cleaned_data["watched_on"] == today


def test_the_film_pages_date_input_stops_at_the_members_today(client, edge):
    member, today, _tomorrow = edge
    client.force_login(member)
    page = client.get(FilmFactory().get_absolute_url()).content.decode()
    assert f'max="{today.isoformat()}"' in page


def test_the_api_takes_the_members_today_and_refuses_their_tomorrow(
    make_api_client, edge
):
    member, today, tomorrow = edge
    client, film = make_api_client(member), FilmFactory()
    ok = client.post(DIARY, {"film": film.pk, "watched_on": str(today)}, "json")
    assert ok.status_code == 201
    late = client.post(DIARY, {"film": film.pk, "watched_on": str(tomorrow)}, "json")
    assert late.status_code == 400
    assert "watched_on" in late.json()["errors"]
    assert Viewing.objects.get().watched_on == today


def test_a_double_post_of_the_site_form_logs_one_viewing(member_client):
    film = FilmFactory()
    url = reverse("reviews:viewing_add", args=[film.slug])
    data = {"watched_on": "2024-03-01", "rating": "4", "note": "Twice?"}
    assert member_client.post(url, data).status_code == 302
    assert member_client.post(url, data).status_code == 302
    assert member_client.post(url, {"today": "1"}).status_code == 302
    assert member_client.post(url, {"today": "1"}).status_code == 302
    assert Viewing.objects.count() == 2


@pytest.mark.parametrize("note", ["a\x00b", "x" * 501])
def test_site_form_refuses_nul_and_overlong_notes_with_a_400(member_client, note):
    film = FilmFactory()
    url = reverse("reviews:viewing_add", args=[film.slug])
    response = member_client.post(url, {"watched_on": "2024-03-01", "note": note})
    assert response.status_code == 400
    assert not Viewing.objects.exists()
