"""Every account page: the site's layout, accessible forms, CSP-ready markup."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = [
    ("account_login", "Log in"),
    ("account_signup", "Sign up"),
    ("account_reset_password", "Reset your password"),
    ("account_reset_password_done", "Check your email"),
    ("account_email_verification_sent", "Check your email"),
    ("account_verification_resend", "Send the verification link again"),
]
MEMBER_PAGES = [
    ("account_settings", "Account settings"),
    ("account_delete", "Delete your account"),
    ("account_email", "Email address"),
    ("account_change_password", "Change your password"),
    ("account_logout", "Log out"),
]


class _FormAudit(HTMLParser):
    """Collects controls, labels, inline styles and inline scripts."""

    def __init__(self):
        super().__init__()
        self.controls, self.label_targets = [], set()
        self.inline_styles, self.inline_scripts = 0, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.inline_styles += 1
        if tag == "script" and "src" not in attrs:
            self.inline_scripts += 1
        if tag == "label" and attrs.get("for"):
            self.label_targets.add(attrs["for"])
        visible_input = tag == "input" and attrs.get("type") not in (
            "hidden",
            "submit",
            "button",
        )
        if visible_input or tag in ("select", "textarea"):
            self.controls.append(attrs)


def _audit(html):
    audit = _FormAudit()
    audit.feed(html)
    return audit


def _assert_site_page(response, title):
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="navbar' in html  # templates/base.html, not allauth's bare layout
    assert "bootstrap.trimmed.min.css" in html
    assert f"{title} · FilmTracker</title>" in " ".join(html.split())
    audit = _audit(html)
    assert audit.inline_styles == 0
    assert audit.inline_scripts == 0
    for control in audit.controls:
        labelled = control.get("id") in audit.label_targets or control.get("aria-label")
        assert labelled, f"unlabelled control {control}"


@pytest.mark.parametrize(("url_name", "title"), ANONYMOUS_PAGES)
def test_anonymous_account_pages_use_the_site_layout(client, url_name, title):
    _assert_site_page(client.get(reverse(url_name)), title)


@pytest.mark.parametrize(("url_name", "title"), MEMBER_PAGES)
def test_member_account_pages_use_the_site_layout(member_client, url_name, title):
    _assert_site_page(member_client.get(reverse(url_name)), title)


def test_manage_pages_share_the_settings_tabs(member_client):
    for url_name in ("account_settings", "account_email", "account_change_password"):
        html = member_client.get(reverse(url_name)).content.decode()
        assert '<nav aria-label="Account settings"' in html
        assert html.count('aria-current="page"') == 1


def test_field_errors_are_tied_to_their_inputs(member_client):
    response = member_client.post(
        reverse("account_change_password"),
        {"oldpassword": "wrong", "password1": "a", "password2": "b"},
    )
    html = response.content.decode()
    described_by = re.search(r'aria-describedby="([^"]*)" id="id_oldpassword"', html)
    assert described_by and "id_oldpassword_error" in described_by.group(1).split()
    assert 'id="id_oldpassword_error"' in html
    assert 'aria-invalid="true"' in html
    assert "is-valid" not in html


def test_bad_confirmation_link_gets_a_styled_page(client):
    response = client.get(reverse("account_confirm_email", args=["not-a-key"]))
    _assert_site_page(response, "Confirm Email Address")
    assert "expired or is invalid" in response.content.decode()
