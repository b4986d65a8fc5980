import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from accounts.decorators import verified_member_required
from accounts.factories import UserFactory

from .helpers import link_in

pytestmark = [pytest.mark.django_db, pytest.mark.urls("accounts.tests.urls")]
RATE = "/test-only/rate/"


def test_verified_member_gets_through(member_client, member):
    response = member_client.post(RATE)
    assert response.status_code == 200
    assert response.content.decode() == f"rated by {member.username}"


def test_anonymous_visitor_is_sent_to_login_and_back(client):
    response = client.get(RATE)
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={RATE}"


def test_anonymous_post_comes_back_to_the_page_it_came_from(client):
    response = client.post(RATE, HTTP_REFERER="http://testserver/films/alien/")
    assert response.url.endswith("?next=http%3A//testserver/films/alien/")
    foreign = client.post(RATE, HTTP_REFERER="https://evil.example/")
    assert foreign.url == f"{reverse('account_login')}?next={RATE}"


def test_unverified_member_gets_a_clear_message_with_a_resend_button(
    client, unverified_member
):
    client.force_login(unverified_member)
    response = client.post(RATE)
    assert response.status_code == 403
    assert response.templates[0].name == "accounts/verified_member_required.html"
    html = response.content.decode()
    assert "Only members with a verified email address can rate" in html
    assert f'<form method="post" action="{reverse("account_email")}"' in html
    assert f'name="email" value="{unverified_member.email}"' in html
    assert '<button type="submit" name="action_send"' in html
    assert "Resend verification email" in html


def test_resend_button_sends_a_link_that_lets_the_member_rate(
    client, unverified_member, mailoutbox
):
    client.force_login(unverified_member)
    response = client.post(
        reverse("account_email"),
        {"email": unverified_member.email, "action_send": ""},
        follow=True,
    )
    assert response.status_code == 200
    assert f"Confirmation email sent to {unverified_member.email}" in (
        response.content.decode()
    )
    assert [m.to for m in mailoutbox] == [[unverified_member.email]]
    client.post(link_in(mailoutbox[0], "/accounts/confirm-email/"))
    assert client.post(RATE).status_code == 200


def test_member_without_any_address_is_told_to_add_one(client):
    user = UserFactory()
    user.emailaddress_set.all().delete()
    client.force_login(user)
    response = client.get(RATE)
    assert response.status_code == 403
    assert "has no email address to verify" in response.content.decode()


def test_decorator_with_request_factory(rf, member, unverified_member):
    calls = []

    @verified_member_required
    def view(request):
        calls.append(request.user)
        return "ok"

    request = rf.post("/rate/")
    request.user = AnonymousUser()
    assert view(request).status_code == 302
    request.user = unverified_member
    response = view(request)
    assert response.status_code == 403
    assert response.context_data["unverified_addresses"][0].email == (
        unverified_member.email
    )
    request.user = member
    assert view(request) == "ok"
    assert calls == [member]
