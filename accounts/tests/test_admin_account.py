"""The Wagtail admin's account page changes neither email nor password itself."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-long-secret-42"  # noqa: S105


def test_the_admin_account_page_cannot_change_email_or_password(
    editor_client, editor, password, mailoutbox
):
    old_email = editor.email
    response = editor_client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "Ed",
            "name_email-last_name": "Itor",
            "name_email-email": "unverified@example.com",
            "password-old_password": password,
            "password-new_password1": NEW_PASSWORD,
            "password-new_password2": NEW_PASSWORD,
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )
    assert response.status_code in (200, 302)
    editor.refresh_from_db()
    assert editor.email == old_email
    assert editor.check_password(password)


def test_the_admin_account_page_links_to_the_sites_verified_flows(editor_client):
    html = editor_client.get(reverse("wagtailadmin_account")).content.decode()
    assert 'name="name_email-email"' not in html
    assert 'name="password-old_password"' not in html
    assert f'href="{reverse("account_email")}"' in html
    assert f'href="{reverse("account_change_password")}"' in html
