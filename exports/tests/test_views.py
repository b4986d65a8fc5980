"""The export page, its downloads and the API: owner only, headers, queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.factories import UserFactory
from accounts.tokens import MemberRefreshToken
from exports import letterboxd

from .helpers import add_history, read_export

pytestmark = pytest.mark.django_db

LETTERBOXD_API = "/api/v1/exports/letterboxd/"
FULL_API = "/api/v1/exports/full/"
SITE_DOWNLOADS = ["account_export_letterboxd", "account_export_full"]


@pytest.fixture
def member():
    return UserFactory(username="anna", time_zone="Europe/Moscow")


def jwt_client(user):
    client = APIClient()
    token = MemberRefreshToken.for_user(user).access_token
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def moscow_today():
    from accounts.time_zones import member_today

    return member_today(UserFactory.build(time_zone="Europe/Moscow")).isoformat()


# --- the page ---------------------------------------------------------------


def test_the_page_asks_anonymous_visitors_to_sign_in(client):
    for name in ["account_export", *SITE_DOWNLOADS]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_the_page_explains_and_links_both_downloads(client, member):
    client.force_login(member)
    response = client.get(reverse("account_export"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("account_export_letterboxd") in html
    assert reverse("account_export_full") in html
    assert "films-import.csv" in html and "watchlist-import.csv" in html
    # The settings tabs mark this one as the current page.
    assert f'aria-current="page" href="{reverse("account_export")}"' in html


def test_the_page_is_in_russian_too(client, member):
    client.force_login(member)
    response = client.get(reverse("account_export"), HTTP_ACCEPT_LANGUAGE="ru")
    assert "Выгрузка ваших данных" in response.content.decode()


def test_the_page_refuses_posts(client, member):
    client.force_login(member)
    assert client.post(reverse("account_export")).status_code == 405


# --- downloads: site and API --------------------------------------------------


def assert_private_attachment(response, name, content_type):
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_the_letterboxd_zip_by_site_and_api(client, member):
    add_history(member, films=1)
    name = f"filmtracker-letterboxd-anna-{moscow_today()}.zip"
    client.force_login(member)
    site = client.get(reverse("account_export_letterboxd"))
    api = jwt_client(member).get(LETTERBOXD_API)
    for response in [site, api]:
        assert_private_attachment(response, name, "application/zip")
        body = b"".join(response.streaming_content)
        files = read_export(body)
        assert len(files[letterboxd.IMPORT_FILMS_FILE]) == 3  # 2 viewings, 1 rated


def test_the_full_json_by_site_and_api(client, member):
    add_history(member, films=1)
    name = f"filmtracker-export-anna-{moscow_today()}.json"
    client.force_login(member)
    site = client.get(reverse("account_export_full"))
    api = jwt_client(member).get(FULL_API)
    for response in [site, api]:
        assert_private_attachment(response, name, "application/json")
        data = response.json()
        assert data["profile"]["username"] == "anna"
        assert len(data["entries"]) == 3
        assert data["entries"][0]["film"]["url"].startswith("http://testserver/films/")


def test_a_username_in_another_script_is_transliterated_in_the_file_name(client):
    user = UserFactory(username="борис", time_zone="Europe/Moscow")
    client.force_login(user)
    response = client.get(reverse("account_export_full"))
    assert (
        f"filmtracker-export-boris-{moscow_today()}.json"
        in (response["Content-Disposition"])
    )


@pytest.mark.parametrize("url", [LETTERBOXD_API, FULL_API])
def test_the_api_answers_anonymous_callers_401(api_client, url):
    response = api_client.get(url)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.parametrize("url", [LETTERBOXD_API, FULL_API])
def test_the_api_refuses_writes(member, url):
    assert jwt_client(member).post(url, {}).status_code == 405


def test_nobody_can_ask_for_another_members_export(member):
    other = UserFactory(username="boris")
    add_history(other, films=1, prefix="Theirs")
    client = jwt_client(member)
    # No parameter names a member: whatever is asked, the caller's own comes.
    for query in ["?user=boris", f"?user_id={other.pk}", "?username=boris"]:
        data = client.get(FULL_API + query).json()
        assert data["profile"]["username"] == "anna"
        assert data["entries"] == []
        body = b"".join(client.get(LETTERBOXD_API + query).streaming_content)
        assert "Theirs" not in str(read_export(body))


def test_an_accept_header_never_turns_the_zip_into_a_406(member):
    response = jwt_client(member).get(LETTERBOXD_API, HTTP_ACCEPT="text/csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"


# --- queries ------------------------------------------------------------------


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


# The member (from the token or the session), then the entries and the
# viewings, read side by side; the ZIP also reads the films' directors; then
# the member's lists and their entries (lists/exports.py).
BUDGETS = {LETTERBOXD_API: 6, FULL_API: 5}


@pytest.mark.parametrize("url", [LETTERBOXD_API, FULL_API])
def test_queries_stay_the_same_as_the_history_grows(member, url):
    client = jwt_client(member)
    add_history(member, films=1, prefix="Small")
    assert queries(client, url) == BUDGETS[url]
    add_history(member, films=12, prefix="Large")  # 36 more entries, 24 viewings
    assert queries(client, url) == BUDGETS[url]


@pytest.mark.parametrize(
    ("name", "url"),
    [("account_export_letterboxd", LETTERBOXD_API), ("account_export_full", FULL_API)],
)
def test_the_site_download_costs_what_the_api_does(client, member, name, url):
    add_history(member, films=2)
    client.force_login(member)
    assert queries(client, reverse(name)) == BUDGETS[url]


def test_viewings_keep_their_dates_in_the_full_export(member):
    add_history(member, films=1)
    data = jwt_client(member).get(FULL_API).json()
    assert [(v["watched_on"], v["rewatch"]) for v in data["viewings"]] == [
        (datetime.date(2023, 1, 1).isoformat(), False),
        (datetime.date(2024, 1, 1).isoformat(), True),
    ]
