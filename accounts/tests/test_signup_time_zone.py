"""Sign-up takes the browser's time zone (a hidden field filled by a script)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from .helpers import STRONG_PASSWORD

pytestmark = pytest.mark.django_db


def _signup(client, **extra):
    return client.post(
        reverse("account_signup"),
        {
            "username": "newbie",
            "email": "newbie@example.com",
            "password1": STRONG_PASSWORD,
            "password2": STRONG_PASSWORD,
            **extra,
        },
    )


def test_the_form_has_the_hidden_field_and_its_script(client):
    page = client.get(reverse("account_signup")).content.decode()
    assert 'type="hidden" name="time_zone"' in page
    assert "data-browser-time-zone" in page
    assert "js/time-zone.js" in page


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_a_valid_browser_zone_becomes_the_members(client, zone):
    response = _signup(client, time_zone=zone)
    assert response.status_code == 302
    assert get_user_model().objects.get(username="newbie").time_zone == zone


@pytest.mark.parametrize(
    "value", ["", "Mars/Olympus_Mons", "../../etc/passwd", "x" * 500]
)
def test_no_or_an_unknown_zone_is_the_sites(client, settings, value):
    # Hidden, so never an error the visitor could not fix: the site's zone.
    response = _signup(client, time_zone=value)
    assert response.status_code == 302
    member = get_user_model().objects.get(username="newbie")
    assert member.time_zone == settings.TIME_ZONE


def test_without_the_field_at_all_the_sites_zone(client, settings):
    assert _signup(client).status_code == 302
    assert get_user_model().objects.get().time_zone == settings.TIME_ZONE
