"""The signed-in member's row comes from the cache, never older than a change."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY
from django.test import Client

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_signed_in_request_reads_the_member_from_the_cache(
    member_client, django_assert_num_queries
):
    member_client.get("/healthz")
    with django_assert_num_queries(0):
        assert member_client.get("/healthz").status_code == 200


def test_a_new_password_signs_the_other_sessions_out_at_once(member):
    other_browser = Client()
    other_browser.force_login(member)
    assert other_browser.get("/accounts/settings/").status_code == 200
    member.set_password("another-long-password-123")
    member.save()
    response = other_browser.get("/accounts/settings/")
    assert response.status_code == 302  # to the login page: signed out


def test_a_deactivated_member_is_signed_out_at_once(member_client, member):
    assert member_client.get("/accounts/settings/").status_code == 200
    member.is_active = False
    member.save()
    assert member_client.get("/accounts/settings/").status_code == 302


def test_a_renamed_member_is_renamed_on_the_next_request(member_client, member):
    member_client.get("/accounts/settings/")
    member.display_name = "Renamed"
    member.save()
    assert b"Renamed" in member_client.get("/accounts/settings/").content


@pytest.mark.parametrize(
    "legacy",
    [
        "django.contrib.auth.backends.ModelBackend",
        "allauth.account.auth_backends.AuthenticationBackend",
    ],
)
def test_sessions_from_before_the_cached_backends_stay_signed_in(legacy):
    member = UserFactory()
    client = Client()
    client.force_login(member)
    session = client.session
    session[BACKEND_SESSION_KEY] = legacy
    session.save()
    assert client.get("/accounts/settings/").status_code == 200
    assert client.session[SESSION_KEY] == str(member.pk)
    assert client.session[BACKEND_SESSION_KEY].startswith("accounts.backends.")
