"""API authentication: JWT (obtain, refresh with rotation, logout), session + CSRF,
and throttling."""

import pytest
from django.core.cache import cache
from django.utils.crypto import get_random_string
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from accounts.factories import UserFactory
from films.factories import FilmFactory
from filmtracker.rest.throttling import MemberOrAddressRateThrottle
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token/"
REFRESH = "/api/v1/auth/token/refresh/"
LOGOUT = "/api/v1/auth/logout/"
ME = "/api/v1/users/me/"


def obtain(client, username, password):
    return client.post(TOKEN, {"username": username, "password": password})


def bearer(access):
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client


def test_token_pair_for_a_verified_member_authenticates_requests(
    api_client, member, password
):
    response = obtain(api_client, member.username, password)
    assert response.status_code == 200
    tokens = response.json()
    assert set(tokens) == {"access", "refresh"}

    me = bearer(tokens["access"]).get(ME)
    assert me.status_code == 200
    assert me.json()["username"] == member.username


def test_members_may_sign_in_with_their_email_address(api_client, member, password):
    response = obtain(api_client, member.email, password)
    assert response.status_code == 200


@pytest.mark.parametrize("case", ["wrong password", "unknown user", "deactivated"])
def test_bad_credentials_get_a_401_and_no_tokens(api_client, member, password, case):
    username, secret = member.username, password
    if case == "wrong password":
        secret = "not-the-password"
    elif case == "unknown user":
        username = "nobody"
    else:
        member.is_active = False
        member.save()
    response = obtain(api_client, username, secret)
    assert response.status_code == 401
    assert response.json()["code"] == "no_active_account"
    assert "access" not in response.json()


def test_unverified_members_get_no_tokens(api_client, unverified_member, password):
    response = obtain(api_client, unverified_member.username, password)
    assert response.status_code == 403
    assert "Verify your email address" in response.json()["detail"]
    assert "access" not in response.json()


def test_missing_credentials_are_field_errors(api_client):
    response = api_client.post(TOKEN, {"username": "ann"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["password"]


def test_a_bad_or_expired_access_token_is_a_401(api_client):
    response = bearer("not.a.token").get(ME)
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"
    assert response.json()["detail"]


def test_jwt_writes_need_no_csrf_token(api_client, member, password):
    access = obtain(api_client, member.username, password).json()["access"]
    response = bearer(access).post("/api/v1/reviews/", {"film": FilmFactory().pk})
    assert response.status_code == 201
    assert UserFilm.objects.get().user == member


def test_refresh_rotates_and_the_old_refresh_token_stops_working(
    api_client, member, password
):
    first = obtain(api_client, member.username, password).json()

    response = api_client.post(REFRESH, {"refresh": first["refresh"]})
    assert response.status_code == 200
    second = response.json()
    assert set(second) == {"access", "refresh"}
    assert second["refresh"] != first["refresh"]
    assert bearer(second["access"]).get(ME).status_code == 200

    reused = api_client.post(REFRESH, {"refresh": first["refresh"]})
    assert reused.status_code == 401
    assert reused.json()["code"] == "token_not_valid"
    assert api_client.post(REFRESH, {"refresh": second["refresh"]}).status_code == 200


def test_logout_blacklists_the_refresh_token(api_client, member, password):
    tokens = obtain(api_client, member.username, password).json()

    response = api_client.post(LOGOUT, {"refresh": tokens["refresh"]})
    assert response.status_code == 204

    refused = api_client.post(REFRESH, {"refresh": tokens["refresh"]})
    assert refused.status_code == 401
    assert api_client.post(LOGOUT, {"refresh": tokens["refresh"]}).status_code == 401


def test_logout_needs_a_valid_refresh_token(api_client):
    assert api_client.post(LOGOUT, {}).status_code == 400
    response = api_client.post(LOGOUT, {"refresh": "garbage"})
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


# --- Session authentication (the site's own JavaScript) ----------------------------


def test_session_writes_need_the_csrf_token(member):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(member)
    film = FilmFactory()

    refused = client.post("/api/v1/reviews/", {"film": film.pk})
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    assert not UserFilm.objects.exists()

    token = get_random_string(32)
    client.cookies["csrftoken"] = token
    accepted = client.post(
        "/api/v1/reviews/", {"film": film.pk}, HTTP_X_CSRFTOKEN=token
    )
    assert accepted.status_code == 201


def test_session_reads_need_no_csrf_token(member):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.get(ME).status_code == 200


# --- Throttling ---------------------------------------------------------------------


@pytest.fixture
def low_rates(monkeypatch):
    cache.clear()
    monkeypatch.setattr(
        SimpleRateThrottle,
        "THROTTLE_RATES",
        {"anon": "3/minute", "user": "5/minute", "auth": "2/minute"},
    )
    yield
    cache.clear()


def test_anonymous_clients_are_throttled(api_client, low_rates):
    statuses = [api_client.get("/api/v1/films/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api_client.get("/api/v1/films/")
    assert response.json()["code"] == "throttled"
    assert int(response["Retry-After"]) > 0


def test_signed_in_clients_have_their_own_higher_limit(
    make_api_client, member, low_rates
):
    client = make_api_client(member)
    statuses = [client.get(ME).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    # Another member is not held back by the first one's requests.
    assert make_api_client(UserFactory()).get(ME).status_code == 200


def test_token_requests_have_a_stricter_limit(api_client, member, password, low_rates):
    statuses = [
        obtain(api_client, member.username, "wrong").status_code for _ in range(3)
    ]
    assert statuses == [401, 401, 429]


class CountingCache:
    """A cache that counts the throttle's reads and writes."""

    def __init__(self, cache):
        self.cache, self.calls = cache, []

    def get(self, *args, **kwargs):
        self.calls.append("get")
        return self.cache.get(*args, **kwargs)

    def set(self, *args, **kwargs):
        self.calls.append("set")
        return self.cache.set(*args, **kwargs)


@pytest.mark.parametrize("signed_in", [False, True])
def test_one_throttle_read_and_write_per_request(
    monkeypatch, make_api_client, api_client, member, signed_in
):
    # AnonRateThrottle + UserRateThrottle made two of each for visitors.
    counting = CountingCache(MemberOrAddressRateThrottle.cache)
    monkeypatch.setattr(MemberOrAddressRateThrottle, "cache", counting)
    client = make_api_client(member) if signed_in else api_client
    assert client.get("/api/v1/films/").status_code == 200
    assert counting.calls == ["get", "set"]
