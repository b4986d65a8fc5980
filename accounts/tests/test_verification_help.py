"""Help for members who cannot sign in yet, and for a used reset link."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory

from .helpers import link_in

pytestmark = pytest.mark.django_db
RESEND = "account_verification_resend"


def resend(client, email):
    return client.post(reverse(RESEND), {"email": email}, follow=True)


def test_an_unverified_member_can_have_the_link_sent_again(client, mailoutbox):
    member = UserFactory(verified=False, email="late@example.com")
    response = resend(client, "LATE@example.com")
    assert response.status_code == 200
    assert "a new link is on its way" in response.content.decode()
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert link_in(mailoutbox[0], "/accounts/confirm-email/")


def test_unknown_and_verified_addresses_get_the_same_answer_and_no_email(
    client, member, mailoutbox
):
    for email in ("nobody@example.com", member.email):
        response = resend(client, email)
        assert "a new link is on its way" in response.content.decode()
    assert mailoutbox == []


@pytest.mark.usefixtures("rate_limits")
def test_resending_is_rate_limited(client, mailoutbox):
    UserFactory(verified=False, email="late@example.com")
    resend(client, "late@example.com")
    resend(client, "late@example.com")  # within allauth's per-address cooldown
    assert len(mailoutbox) == 1
    statuses = [
        client.post(reverse(RESEND), {"email": f"x{n}@example.com"}).status_code
        for n in range(6)
    ]
    assert statuses[-1] == 429


def test_verification_pages_offer_the_resend_and_a_real_contact(client, settings):
    settings.CONTACT_EMAIL = "help@films.example.org"
    html = client.get(reverse("account_email_verification_sent")).content.decode()
    assert reverse(RESEND) in html
    assert 'href="mailto:help@films.example.org"' in html
    assert "contact us" not in html.lower()


def test_a_used_reset_link_says_so_plainly(client):
    url = reverse(
        "account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "bad-key"}
    )
    html = client.get(url, follow=True).content.decode()
    assert "Bad Token" not in html
    assert "This link no longer works" in html
    assert reverse("account_reset_password") in html


def test_the_reset_done_page_links_to_log_in(client):
    html = client.get(reverse("account_reset_password_from_key_done")).content.decode()
    assert f'href="{reverse("account_login")}"' in html
