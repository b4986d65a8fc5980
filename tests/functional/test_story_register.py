"""Story 1: a visitor registers, receives the verification email, follows the
link, and logs in."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from .pages import (
    fill,
    is_logged_in_as,
    last_email_to,
    link_in,
    log_in,
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


def test_visitor_registers_verifies_the_email_and_logs_in(browser):
    visit(browser, "/")
    press(browser, "Sign up", within="header")
    fill(
        browser,
        username="vera",
        email="vera@example.com",
        password1="a-long-fresh-passphrase",
        password2="a-long-fresh-passphrase",
    )
    submit(browser, "form[action*='signup']")

    # Mandatory verification: no session yet, a page that says to check email.
    assert path_of(browser).startswith("/accounts/confirm-email/")
    assert page_heading(browser) == "Check your email"  # allauth page, our wording
    assert not is_logged_in_as(browser, "vera")
    user = get_user_model().objects.get(username="vera")
    assert not EmailAddress.objects.get(user=user).verified

    # Logging in before verifying is not possible: the same page again.
    log_in(browser, "vera", "a-long-fresh-passphrase")
    assert path_of(browser).startswith("/accounts/confirm-email/")
    assert not is_logged_in_as(browser, "vera")

    message = last_email_to("vera@example.com")
    browser.get(link_in(message, "/accounts/confirm-email/"))
    submit(browser, "main form")  # "Confirm" (GET never confirms: see settings)
    assert EmailAddress.objects.get(user=user).verified

    # From another browser session (say, the phone that opened the email),
    # the member now logs in with their username.
    browser.delete_all_cookies()
    log_in(browser, "vera", "a-long-fresh-passphrase")
    assert is_logged_in_as(browser, "vera")
    assert path_of(browser) == "/"
