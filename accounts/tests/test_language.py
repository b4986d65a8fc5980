"""Choosing the interface language: browser, navbar switch, member's profile."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db
SETLANG = "/i18n/setlang/"


def test_browser_language_picks_the_interface(client):
    assert (
        '<html lang="ru">'
        in client.get("/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    )
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in html
    assert "Расширенный поиск" not in html


def test_navbar_offers_the_other_language_as_a_post_button(client):
    html = client.get("/search/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f'action="{SETLANG}"' in html
    assert 'name="language" value="ru" lang="ru"' in html


def test_visitor_switch_sets_the_cookie_and_goes_back(client):
    response = client.post(SETLANG, {"language": "ru", "next": "/search/"})
    assert response.status_code == 302 and response["Location"] == "/search/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    html = client.get("/search/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Расширенный поиск" in html


def test_switch_is_post_only(client):
    assert client.get(SETLANG, {"language": "ru"}).status_code == 405


def test_member_switch_is_remembered_on_the_account(member_client, member):
    member_client.post(SETLANG, {"language": "ru", "next": "/"})
    member.refresh_from_db()
    assert member.language == "ru"
    # Another browser (no cookie, English Accept-Language): still Russian.
    member_client.cookies.clear()
    member_client.force_login(member)
    html = member_client.get("/search/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="ru">' in html and "Расширенный поиск" in html


def test_unknown_language_changes_nothing(member_client, member):
    member_client.post(SETLANG, {"language": "xx", "next": "/"})
    member.refresh_from_db()
    assert member.language == ""


def test_member_without_choice_follows_the_browser(member_client):
    html = member_client.get("/search/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert '<html lang="ru">' in html


def test_wagtail_admin_offers_russian():
    from wagtail.admin.localization import get_available_admin_languages

    assert "ru" in dict(get_available_admin_languages())


def test_members_switch_needs_the_csrf_token(member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(SETLANG, {"language": "ru"}).status_code == 403
    member.refresh_from_db()
    assert member.language == ""


def test_visitors_switch_works_from_a_cached_page_without_token(client):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    html = client.get("/search/").content.decode()
    assert "csrfmiddlewaretoken" not in html
    response = client.post(SETLANG, {"language": "ru", "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
