"""EMAIL_URL and DEFAULT_FROM_EMAIL, read by the real settings in a fresh process."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings


def _manage(*args, **env):
    return subprocess.run(  # noqa: S603 -- fixed argv, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "filmtracker.settings.base",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def test_filemail_writes_each_email_to_the_folder(tmp_path):
    _manage(
        "sendtestemail",
        "someone@example.com",
        EMAIL_URL=f"filemail://{tmp_path}",
        DEFAULT_FROM_EMAIL="Film Club <club@films.example>",
    )
    [written] = list(Path(tmp_path).iterdir())
    content = written.read_text()
    assert "To: someone@example.com" in content
    assert "From: Film Club <club@films.example>" in content


def test_smtp_url_configures_host_port_credentials_and_tls():
    code = (
        "from django.conf import settings as s;"
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER,"
        " s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS)"
    )
    result = _manage(
        "shell",
        "-v",
        "0",
        "-c",
        code,
        EMAIL_URL="smtp+tls://mailer:s3cret@smtp.films.example:587",
    )
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.films.example",
        "587",
        "mailer",
        "s3cret",
        "True",
    ]


def test_console_is_the_default():
    result = _manage("sendtestemail", "someone@example.com", EMAIL_URL="consolemail://")
    assert "To: someone@example.com" in result.stdout
