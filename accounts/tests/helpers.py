"""Small helpers shared by the account flow tests."""

import re

from django.urls import reverse

STRONG_PASSWORD = "film-buff-2024-secret"  # noqa: S105


def signup(client, *, username="newbie", email="newbie@example.com", password=None):
    password = password or STRONG_PASSWORD
    return client.post(
        reverse("account_signup"),
        {
            "username": username,
            "email": email,
            "password1": password,
            "password2": password,
        },
    )


def login(client, *, login, password):
    return client.post(reverse("account_login"), {"login": login, "password": password})


def link_in(message, path_prefix):
    """The first absolute link in an email body whose path starts with prefix."""
    match = re.search(
        rf"https?://[^/\s]+({re.escape(path_prefix)}[^\s\"<]*)", message.body
    )
    assert match, f"no {path_prefix} link in:\n{message.body}"
    return match.group(1)


def html_body(message):
    (html, mimetype) = message.alternatives[0]
    assert mimetype == "text/html"
    return html
