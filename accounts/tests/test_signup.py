import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.permissions import member_can_review

from .helpers import STRONG_PASSWORD, html_body, link_in, signup

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_signup_sends_one_verification_email_whose_link_verifies(client, mailoutbox):
    response = signup(client)
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(username="newbie")
    assert not member_can_review(user)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["newbie@example.com"]
    assert message.subject.startswith("[FilmTracker] ")

    link = link_in(message, "/accounts/confirm-email/")
    # Opening the link shows a confirmation button; it does not verify on GET.
    page = client.get(link)
    assert page.status_code == 200
    assert not EmailAddress.objects.get(user=user).verified
    assert "newbie@example.com" in page.content.decode()

    confirmed = client.post(link)
    assert confirmed.status_code == 302
    address = EmailAddress.objects.get(user=user)
    assert address.verified and address.primary
    assert member_can_review(user)
    # Same browser as the sign-up: signed in straight away.
    assert client.get(reverse("account_settings")).status_code == 200
    assert len(mailoutbox) == 1


def test_verification_email_has_a_plain_text_and_an_html_part(client, mailoutbox):
    signup(client)
    message = mailoutbox[0]
    link = link_in(message, "/accounts/confirm-email/")
    assert "Hello from FilmTracker!" in message.body
    html = html_body(message)
    assert f'href="http://testserver{link}"' in html
    assert "Hello from FilmTracker!" in html
    assert "<script" not in html


def test_a_link_opened_in_another_browser_verifies_without_signing_in(
    client, mailoutbox, django_user_model
):
    from django.test import Client

    signup(client)
    other = Client()
    link = link_in(mailoutbox[0], "/accounts/confirm-email/")
    other.post(link)
    assert EmailAddress.objects.get(email="newbie@example.com").verified
    assert "_auth_user_id" not in other.session


def without_csrf(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_signup_with_a_taken_email_does_not_reveal_it(client, mailoutbox):
    owner = UserFactory(username="owner", email="taken@example.com")
    fresh = signup(client, username="someone", email="fresh@example.com")
    fresh_page = client.get(fresh.url).content.decode()
    client.logout()
    taken = signup(client, username="intruder", email="taken@example.com")
    taken_page = client.get(taken.url).content.decode()

    # Same answer as for a new address ...
    assert taken.status_code == fresh.status_code == 302
    assert taken.url == fresh.url == reverse("account_email_verification_sent")
    assert "Confirmation email sent to fresh@example.com" in fresh_page
    # (The navbar's language form carries a CSRF token, new on each page.)
    assert without_csrf(taken_page) == without_csrf(
        fresh_page.replace("fresh@example.com", "taken@example.com")
    )
    # ... but no second account, and the owner is told by email instead.
    assert not User.objects.filter(username="intruder").exists()
    assert User.objects.filter(email__iexact="taken@example.com").get() == owner
    assert [m.to for m in mailoutbox] == [["fresh@example.com"], ["taken@example.com"]]
    assert "already exists" in mailoutbox[1].body
    assert "already exists" in html_body(mailoutbox[1])


def test_signup_applies_djangos_password_validators(client, mailoutbox):
    response = signup(client, password="12345678")
    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()
    assert not User.objects.filter(username="newbie").exists()
    assert mailoutbox == []


def test_unverified_member_cannot_log_in_until_verified(client, mailoutbox):
    signup(client)
    client.logout()
    mailoutbox.clear()
    response = client.post(
        reverse("account_login"), {"login": "newbie", "password": STRONG_PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_new_member_has_no_admin_access(client, mailoutbox):
    signup(client)
    client.post(link_in(mailoutbox[0], "/accounts/confirm-email/"))
    user = User.objects.get(username="newbie")
    assert not user.is_staff and not user.is_superuser
    assert not user.has_perm("wagtailadmin.access_admin")
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert response.redirect_chain[-1][0].startswith(reverse("admin_login"))
    assert "No access to the admin" in response.content.decode()
