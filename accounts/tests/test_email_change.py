import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.permissions import member_can_review

from .helpers import html_body, link_in

pytestmark = pytest.mark.django_db


def _change_email(client, email):
    return client.post(reverse("account_email"), {"email": email, "action_add": ""})


def test_new_address_replaces_the_old_one_only_once_verified(
    member_client, member, mailoutbox
):
    old = member.email
    response = _change_email(member_client, "moved@example.com")
    assert response.status_code == 302

    # Until verified, the old address stays the member's and they may still rate.
    member.refresh_from_db()
    assert member.email == old
    pending = EmailAddress.objects.get(user=member, email="moved@example.com")
    assert not pending.verified and not pending.primary
    assert member_can_review(member)
    page = member_client.get(reverse("account_email")).content.decode()
    assert "pending verification" in page

    assert [m.to for m in mailoutbox] == [["moved@example.com"]]
    member_client.post(link_in(mailoutbox[0], "/accounts/confirm-email/"))

    member.refresh_from_db()
    assert member.email == "moved@example.com"
    assert list(
        EmailAddress.objects.filter(user=member).values_list(
            "email", "verified", "primary"
        )
    ) == [("moved@example.com", True, True)]
    # The old address is told about the change.
    notice = mailoutbox[-1]
    assert notice.to == [old]
    assert "moved@example.com" in notice.body
    assert "moved@example.com" in html_body(notice)


def test_email_page_has_no_inline_styles(member_client):
    _change_email(member_client, "moved@example.com")
    html = member_client.get(reverse("account_email")).content.decode()
    assert "style=" not in html
    assert "<form hidden" in html


def test_an_address_held_unverified_elsewhere_fails_cleanly(
    member_client, member, mailoutbox
):
    squatter = UserFactory(
        username="squatter", email="wanted@example.com", verified=False
    )
    _change_email(member_client, "wanted@example.com")
    response = member_client.post(
        link_in(mailoutbox[0], "/accounts/confirm-email/"), follow=True
    )
    assert response.status_code == 200
    assert "because another account uses it" in response.content.decode()
    member.refresh_from_db()
    squatter.refresh_from_db()
    assert member.email != "wanted@example.com"
    assert squatter.email == "wanted@example.com"
    assert not EmailAddress.objects.filter(
        email="wanted@example.com", verified=True
    ).exists()
