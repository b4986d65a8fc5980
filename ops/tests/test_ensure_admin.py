"""The admin account `make run` creates, and how its sign-in details read."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run(capsys, *args):
    capsys.readouterr()
    call_command("ensure_admin", *args)
    return capsys.readouterr().out


def test_first_run_prints_a_generated_password_and_the_real_port(capsys, settings):
    settings.ADMIN_PASSWORD = ""
    out = run(capsys, "--url", "http://127.0.0.1:8123")
    password = out.split("password:")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert "http://127.0.0.1:8123/admin/" in out
    assert ":8000" not in out
    assert "shown only this once" in out


def test_admin_password_set_later_is_applied(capsys, settings):
    settings.ADMIN_PASSWORD = ""
    run(capsys)
    settings.ADMIN_PASSWORD = "a-new-admin-password"  # noqa: S105

    out = run(capsys)

    assert (
        get_user_model()
        .objects.get(username="admin")
        .check_password("a-new-admin-password")
    )
    assert "ADMIN_PASSWORD you set (applied now)" in out


def test_a_later_run_without_password_says_how_to_reset_it(capsys, settings):
    settings.ADMIN_PASSWORD = ""
    run(capsys)
    out = run(capsys)
    assert "unchanged" in out
    assert "manage.py changepassword admin" in out
    assert get_user_model().objects.filter(username="admin").count() == 1
