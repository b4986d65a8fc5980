"""Story 4: a member forgets the password, resets it from the emailed link and
logs in with the new one; later changes it again from the settings."""

import pytest
from django.contrib.auth import get_user_model

from accounts.factories import DEFAULT_PASSWORD, UserFactory

from .pages import (
    alert_text,
    fill,
    is_logged_in_as,
    last_email_to,
    link_in,
    log_in,
    log_out,
    page_heading,
    path_of,
    press,
    submit,
    visit,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_member_resets_a_forgotten_password_then_changes_it_in_settings(browser):
    UserFactory(username="olga", email="olga@example.com")

    visit(browser, "/accounts/login/")
    press(browser, "Forgot your password?")
    fill(browser, email="olga@example.com")
    submit(browser, "form[action*='password/reset']")
    assert path_of(browser) == "/accounts/password/reset/done/"

    message = last_email_to("olga@example.com")
    browser.get(link_in(message, "/accounts/password/reset/key/"))
    fill(browser, password1="a-brand-new-secret", password2="a-brand-new-secret")
    submit(browser, "main form")
    assert "password" in page_heading(browser).lower()

    # The old password no longer works; the new one does.
    log_in(browser, "olga", DEFAULT_PASSWORD)
    assert not is_logged_in_as(browser, "olga")
    log_in(browser, "olga@example.com", "a-brand-new-secret")
    assert is_logged_in_as(browser, "olga")

    visit(browser, "/accounts/settings/")
    press(browser, "Password")
    fill(
        browser,
        oldpassword="a-brand-new-secret",
        password1="and-another-one-later",
        password2="and-another-one-later",
    )
    submit(browser, "form[action*='password/change']")
    assert "Password successfully changed." in alert_text(browser)

    log_out(browser)
    assert not is_logged_in_as(browser, "olga")
    log_in(browser, "olga", "and-another-one-later")
    assert is_logged_in_as(browser, "olga")
    assert (
        get_user_model()
        .objects.get(username="olga")
        .check_password("and-another-one-later")
    )
