import pytest
from django.test import Client
from django.urls import reverse

from accounts.factories import UserFactory

from .helpers import STRONG_PASSWORD, html_body, link_in, login

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "another-long-secret-42"  # noqa: S105


def _change(client, *, old, new=NEW_PASSWORD):
    return client.post(
        reverse("account_change_password"),
        {"oldpassword": old, "password1": new, "password2": new},
    )


def test_password_change_requires_the_old_password(member_client, member, mailoutbox):
    response = _change(member_client, old="not-my-password")
    assert response.status_code == 200
    assert "Please type your current password." in response.content.decode()
    member.refresh_from_db()
    assert not member.check_password(NEW_PASSWORD)
    assert mailoutbox == []


def test_password_change_with_the_old_password(
    member_client, member, password, mailoutbox
):
    response = _change(member_client, old=password)
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    # Still signed in, and told by email.
    assert member_client.get(reverse("account_settings")).status_code == 200
    assert len(mailoutbox) == 1
    assert "Your password has been changed." in mailoutbox[0].body
    assert "Your password has been changed." in html_body(mailoutbox[0])


def _request_reset(client, email):
    return client.post(reverse("account_reset_password"), {"email": email})


def test_password_reset_link_works_once(client, mailoutbox):
    user = UserFactory(username="forgetful", email="forgetful@example.com")
    response = _request_reset(client, "forgetful@example.com")
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    link = link_in(message, "/accounts/password/reset/key/")
    assert link.split("/")[-2] in html_body(message)

    # The emailed link hides its key behind a redirect to a form.
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    form_url = form_page.redirect_chain[-1][0]
    done = client.post(
        form_url, {"password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD}
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(STRONG_PASSWORD)
    assert (
        login(Client(), login="forgetful", password=STRONG_PASSWORD).status_code == 302
    )

    # The same link, in any browser, is now refused.
    for browser in (client, Client()):
        again = browser.get(link, follow=True)
        assert again.context["token_fail"] is True
        assert "This link no longer works" in again.content.decode()
    replay = client.post(
        form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    user.refresh_from_db()
    assert not user.check_password(NEW_PASSWORD)
    assert replay.status_code == 200


def test_password_reset_answers_alike_for_an_unknown_address(client, mailoutbox):
    UserFactory(username="known", email="known@example.com")
    known = _request_reset(client, "known@example.com")
    unknown = _request_reset(client, "nobody@example.com")
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url == reverse("account_reset_password_done")
    # The unknown address is told there is no account (it is the owner's inbox),
    # so the page itself gives nothing away.
    assert [m.to for m in mailoutbox] == [["known@example.com"], ["nobody@example.com"]]
    assert "do not have any record of such an account" in mailoutbox[1].body
    assert "do not have any record of such an account" in html_body(mailoutbox[1])
