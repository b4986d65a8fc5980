import pytest
from django.urls import reverse

from accounts.factories import UserFactory

from .helpers import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(db):
    return UserFactory(username="anna", email="anna@example.com")


def _signed_in_as(client):
    return client.session.get("_auth_user_id")


def test_login_by_username(client, anna, password):
    response = login(client, login="anna", password=password)
    assert response.status_code == 302
    assert _signed_in_as(client) == str(anna.pk)


def test_login_by_email_whatever_its_case(client, anna, password):
    response = login(client, login="Anna@Example.com", password=password)
    assert response.status_code == 302
    assert _signed_in_as(client) == str(anna.pk)


def test_login_page_labels_the_field(client):
    html = client.get(reverse("account_login")).content.decode()
    assert '<label class="form-label" for="id_login">Username or email</label>' in html
    assert '<label class="form-label" for="id_password">Password</label>' in html


@pytest.mark.parametrize(
    ("known", "unknown"),
    [("anna", "nobody"), ("anna@example.com", "nobody@example.com")],
)
def test_wrong_password_does_not_say_whether_the_account_exists(
    client, anna, known, unknown
):
    for_known = login(client, login=known, password="wrong-password")
    for_unknown = login(client, login=unknown, password="wrong-password")
    assert for_known.status_code == for_unknown.status_code == 200
    assert for_known.context["form"].errors == for_unknown.context["form"].errors
    error = for_known.context["form"].non_field_errors()[0]
    assert "and/or password you specified are not correct" in error
    # Shown once, as an alert the screen reader announces.
    html = for_known.content.decode()
    assert '<div class="alert alert-danger" role="alert">' in html
    assert html.count("you specified are not correct") == 1
    assert _signed_in_as(client) is None


def test_logout_needs_a_post(member_client, member):
    page = member_client.get(reverse("account_logout"))
    assert page.status_code == 200
    assert _signed_in_as(member_client) == str(member.pk)
    response = member_client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert _signed_in_as(member_client) is None


def test_navbar_offers_settings_and_a_logout_form(member_client):
    html = member_client.get(reverse("account_settings")).content.decode()
    assert f'href="{reverse("account_settings")}"' in html
    assert f'<form method="post" action="{reverse("account_logout")}">' in html
