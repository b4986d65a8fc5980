"""The account emails: a plain-text and an HTML part for each, in FilmTracker's name."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import get_template, render_to_string

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db
EMAIL_DIR = Path(settings.BASE_DIR) / "templates" / "account" / "email"
HTML_MESSAGES = sorted(
    p.name for p in EMAIL_DIR.glob("*_message.html") if p.name != "base_message.html"
)


def test_every_html_email_has_a_plain_text_twin():
    assert len(HTML_MESSAGES) >= 10
    for name in HTML_MESSAGES:
        get_template(f"account/email/{name.replace('.html', '.txt')}")


@pytest.mark.parametrize("name", HTML_MESSAGES)
def test_html_email_renders_and_escapes_member_input(rf, name):
    user = UserFactory(username="x<b>y</b>")
    context = {
        "site_name": "FilmTracker",
        "current_site": type("Site", (), {"domain": "films.example", "name": ""}),
        "user": user,
        "username": user.username,
        "email": "a@example.com",
        "activate_url": "https://films.example/accounts/confirm-email/k/",
        "password_reset_url": "https://films.example/accounts/password/reset/key/x/",
        "signup_url": "https://films.example/accounts/signup/",
        "from_email": "old@example.com",
        "to_email": "new@example.com",
        "deleted_email": "gone@example.com",
        "ip": "127.0.0.1",
        "user_agent": "<script>",
        "timestamp": "now",
    }
    html = render_to_string(f"account/email/{name}", context, rf.get("/"))
    text = render_to_string(
        f"account/email/{name.replace('.html', '.txt')}", context, rf.get("/")
    )
    for body in (html, text):
        assert "Hello from FilmTracker!" in body
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert "<script>" not in html and "<b>y</b>" not in html
    assert "style=" not in html
