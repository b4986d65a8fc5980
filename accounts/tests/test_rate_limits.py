"""allauth's rate limits, on as in production (the `rate_limits` fixture)."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory

from .helpers import login, signup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rate_limits")]
TOO_MANY = "Too many failed login attempts. Try again later."


def test_repeated_failed_logins_get_a_clear_message(client, password):
    UserFactory(username="target", email="target@example.com")
    for _ in range(5):
        response = login(client, login="target", password="guess")
        assert TOO_MANY not in response.content.decode()
    blocked = login(client, login="target", password="guess")
    assert blocked.status_code == 200
    assert TOO_MANY in blocked.content.decode()
    # Even the right password waits now, so guessing gains nothing.
    right = login(client, login="target", password=password)
    assert TOO_MANY in right.content.decode()
    assert "_auth_user_id" not in client.session


def test_failed_logins_for_one_account_do_not_block_another(client, member, password):
    UserFactory(username="target")
    for _ in range(6):
        login(client, login="target", password="guess")
    assert login(client, login=member.username, password=password).status_code == 302


def test_account_deletion_password_guesses_are_limited_too(member_client):
    for _ in range(5):
        member_client.post(reverse("account_delete"), {"password": "guess"})
    response = member_client.post(reverse("account_delete"), {"password": "guess"})
    assert TOO_MANY in response.content.decode()


def test_too_many_reset_requests_get_the_429_page(client, mailoutbox):
    UserFactory(email="reset@example.com")
    url = reverse("account_reset_password")
    for _ in range(5):
        assert client.post(url, {"email": "reset@example.com"}).status_code == 302
    response = client.post(url, {"email": "reset@example.com"})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert len(mailoutbox) == 5


def test_too_many_signups_from_one_address_get_the_429_page(client, settings):
    # Production allows 20 a minute; a lower limit keeps the test short.
    settings.ACCOUNT_RATE_LIMITS = {"signup": "2/m/ip"}
    for n in range(2):
        assert (
            signup(client, username=f"new{n}", email=f"new{n}@example.com").status_code
            == 302
        )
    response = signup(client, username="new2", email="new2@example.com")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait a few minutes and try again." in html
    assert "navbar" in html  # the site's own page, not a bare error
