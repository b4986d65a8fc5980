import pytest
from environs import EnvError

from filmtracker.settings.base.email_url_parser import parse_email_url

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def test_console():
    assert parse_email_url("consolemail://") == {
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"
    }


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("filemail:///var/mail/filmtracker", "/var/mail/filmtracker"),
        ("filemail://sent-mail", "sent-mail"),
        ("filemail:///with%20space", "/with space"),
    ],
)
def test_filemail_keeps_absolute_and_relative_folders(url, path):
    conf = parse_email_url(url)
    assert conf["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend"
    assert conf["EMAIL_FILE_PATH"] == path


def test_filemail_without_a_folder_is_an_error():
    with pytest.raises(EnvError, match="needs a folder"):
        parse_email_url("filemail://")


def test_smtp_tls_with_credentials():
    assert parse_email_url("smtp+tls://mailer:p%40ss@smtp.example.org:587") == {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_HOST_PASSWORD": "p@ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": None,
    }


@pytest.mark.parametrize(
    ("url", "port", "tls", "ssl"),
    [
        ("smtp://relay.example.org", 25, False, False),
        ("smtp+tls://relay.example.org", 587, True, False),
        ("smtp+ssl://relay.example.org", 465, False, True),
    ],
)
def test_smtp_default_ports_and_encryption(url, port, tls, ssl):
    conf = parse_email_url(url)
    assert (conf["EMAIL_PORT"], conf["EMAIL_USE_TLS"], conf["EMAIL_USE_SSL"]) == (
        port,
        tls,
        ssl,
    )


def test_smtp_timeout():
    assert parse_email_url("smtp+tls://h:587?timeout=10")["EMAIL_TIMEOUT"] == 10


def test_dj_email_url_schemes_still_work():
    conf = parse_email_url("submission://u:p@smtp.example.org")
    assert (conf["EMAIL_BACKEND"], conf["EMAIL_PORT"], conf["EMAIL_USE_TLS"]) == (
        SMTP,
        587,
        True,
    )


def test_unknown_scheme_is_an_error():
    with pytest.raises(EnvError, match="Unknown EMAIL_URL scheme 'carrierpigeon'"):
        parse_email_url("carrierpigeon://coop")
