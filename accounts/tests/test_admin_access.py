import pytest
from django.urls import reverse

from .helpers import login

pytestmark = pytest.mark.django_db
ADMIN_LOGIN = reverse("admin_login")


def test_admin_login_url_is_ours(settings):
    assert settings.WAGTAILADMIN_LOGIN_URL == "admin_login"
    assert ADMIN_LOGIN == "/admin/login/"


def test_anonymous_admin_visit_ends_on_allauths_login(client):
    response = client.get("/admin/pages/", follow=True)
    assert response.status_code == 200
    assert [url for url, _ in response.redirect_chain] == [
        f"{ADMIN_LOGIN}?next=/admin/pages/",
        f"{reverse('account_login')}?next=/admin/pages/",
    ]
    assert response.templates[0].name == "account/login.html"


def test_editor_signs_in_through_allauth_and_uses_the_admin(client, editor, password):
    first = client.get("/admin/", follow=True)
    login_url = first.redirect_chain[-1][0]
    response = client.post(login_url, {"login": editor.username, "password": password})
    assert response.status_code == 302
    assert response.url == "/admin/"
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "wagtail" in dashboard.content.decode().lower()
    # The catalogue the editor manages is there too.
    assert client.get("/admin/snippets/films/film/").status_code == 200


def test_signed_in_editor_on_the_login_page_goes_straight_on(editor_client):
    response = editor_client.get(f"{ADMIN_LOGIN}?next=/admin/pages/")
    assert response.status_code == 302
    assert response.url == "/admin/pages/"


def test_admin_login_ignores_an_offsite_next(editor_client):
    response = editor_client.get(f"{ADMIN_LOGIN}?next=https://evil.example/")
    assert response.url == "/admin/"


def test_member_gets_a_clear_no_access_page_not_a_redirect_loop(
    client, member, password
):
    login(client, login=member.username, password=password)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 1
    html = response.content.decode()
    assert "You do not have permission to access the admin." in html
    assert "This account cannot use the admin" in html
    assert f'action="{reverse("account_logout")}"' in html


def test_wagtails_own_password_reset_is_off(client):
    assert client.get("/admin/password_reset/").status_code == 404


def test_admin_logout_returns_to_the_allauth_login(editor_client):
    response = editor_client.post(reverse("wagtailadmin_logout"), follow=True)
    assert [url for url, _ in response.redirect_chain] == [
        ADMIN_LOGIN,
        f"{reverse('account_login')}?next=/admin/",
    ]
    assert "_auth_user_id" not in editor_client.session
