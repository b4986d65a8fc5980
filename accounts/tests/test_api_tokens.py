"""When the API's tokens stop working: guessing limits, revocation, expiry."""

from datetime import timedelta

import jwt
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework_simplejwt import tokens as simplejwt_tokens
from rest_framework_simplejwt.utils import aware_utcnow

from accounts.factories import UserFactory
from accounts.services import user_delete

from .helpers import STRONG_PASSWORD, link_in, login

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token/"
REFRESH = "/api/v1/auth/token/refresh/"
ME = "/api/v1/users/me/"
NEW_PASSWORD = "another-long-secret-42"  # noqa: S105
TOO_MANY = "Too many failed login attempts. Try again later."


def obtain(username, password, address="127.0.0.1"):
    return APIClient(REMOTE_ADDR=address).post(
        TOKEN, {"username": username, "password": password}
    )


def refresh(token):
    return APIClient().post(REFRESH, {"refresh": token})


def me(access):
    return APIClient(HTTP_AUTHORIZATION=f"Bearer {access}").get(ME)


def claims(token):
    return jwt.decode(token, options={"verify_signature": False})


@pytest.fixture
def tokens(member, password):
    response = obtain(member.username, password)
    assert response.status_code == 200
    return response.json()


@pytest.mark.usefixtures("rate_limits")
def test_failed_token_requests_share_the_sites_per_account_limit(member, password):
    # Each guess from another address: only the per-account limit can stop it.
    codes = [
        obtain(member.username, "guess", f"10.0.0.{n}").status_code for n in range(30)
    ]
    assert codes[:5] == [401] * 5
    assert set(codes[5:]) == {429}
    blocked = obtain(member.username, password, "10.0.1.1")
    assert blocked.status_code == 429
    assert blocked.json() == {"detail": TOO_MANY, "code": "throttled", "errors": {}}
    # The site's login page counts the same failures.
    page = login(
        Client(REMOTE_ADDR="10.0.2.1"), login=member.username, password=password
    )
    assert TOO_MANY in page.content.decode()


@pytest.mark.usefixtures("rate_limits")
def test_failed_site_logins_block_the_api_too(member, password):
    for n in range(5):
        login(Client(REMOTE_ADDR=f"10.0.0.{n}"), login=member.username, password="x")
    assert obtain(member.username, password, "10.0.1.1").status_code == 429


def change_on_site(member, password):
    client = Client()
    client.force_login(member)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302


def reset_by_email(member, password, mailoutbox):
    client = Client()
    client.post(reverse("account_reset_password"), {"email": member.email})
    link = link_in(mailoutbox[-1], "/accounts/password/reset/key/")
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(
        form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302


def set_elsewhere(member, password):
    # The admin, `manage.py changepassword`: anything that saves a new password.
    member.set_password(NEW_PASSWORD)
    member.save()


def delete_account(member, password):
    user_delete(user=member)


def deactivate(member, password):
    member.is_active = False
    member.save()


@pytest.mark.parametrize(
    "revoke",
    [change_on_site, reset_by_email, set_elsewhere, delete_account, deactivate],
)
def test_every_token_stops_working_when_the_account_changes_hands(
    member, password, tokens, mailoutbox, revoke
):
    rotated = refresh(tokens["refresh"]).json()  # a second pair of the same login
    if revoke is reset_by_email:
        revoke(member, password, mailoutbox)
    else:
        revoke(member, password)
    response = refresh(rotated["refresh"])
    assert response.status_code == 401, response.content
    assert response.json()["code"] == "token_revoked"
    for access in (tokens["access"], rotated["access"]):
        assert me(access).status_code == 401
    if revoke in (change_on_site, reset_by_email, set_elsewhere):
        # A sign-in with the new password works as before.
        fresh = obtain(member.username, NEW_PASSWORD).json()
        assert me(fresh["access"]).status_code == 200
        assert refresh(fresh["refresh"]).status_code == 200


@pytest.fixture
def clock(monkeypatch):
    """simplejwt's clock, `hours` behind real time (PyJWT refuses tokens
    issued in the future, so this clock only catches up)."""

    class Clock:
        hours = 0

    clock = Clock()
    monkeypatch.setattr(
        simplejwt_tokens,
        "aware_utcnow",
        lambda: aware_utcnow() - timedelta(hours=clock.hours),
    )
    return clock


def test_rotation_keeps_the_first_tokens_expiry(member, password, clock):
    clock.hours = 3
    first = obtain(member.username, password).json()["refresh"]
    clock.hours = 2
    second = refresh(first).json()["refresh"]
    clock.hours = 1
    third = refresh(second).json()["refresh"]
    assert claims(third)["exp"] == claims(second)["exp"] == claims(first)["exp"]
    assert claims(third)["iat"] > claims(second)["iat"] > claims(first)["iat"]
    lifetime = settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"]
    assert claims(first)["exp"] - claims(first)["iat"] == lifetime.total_seconds()


def test_tokens_issued_before_this_release_must_sign_in_again(member):
    from rest_framework_simplejwt.tokens import RefreshToken

    old = RefreshToken.for_user(member)  # no `auth` claim
    assert refresh(str(old)).status_code == 401
    assert me(str(old.access_token)).status_code == 401


def test_another_members_password_change_leaves_my_tokens_alone(tokens):
    other = UserFactory()
    other.set_password(STRONG_PASSWORD)
    other.save()
    assert refresh(tokens["refresh"]).status_code == 200
