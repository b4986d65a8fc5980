"""Nothing reaches the internet, and the TMDB key stays out of the logs."""

import logging
import socket

import pytest
import requests
from django.test import override_settings

from films.tmdb import TMDBUnavailable, get_client
from filmtracker.log_filters import RedactSecretsFilter, redact_secrets

KEY = "0123456789abcdef0123456789abcdef"


def test_tests_cannot_reach_the_internet():
    with pytest.raises(OSError, match="may not"):
        requests.get("https://api.themoviedb.org/3/configuration", timeout=1)
    with pytest.raises(OSError, match="may not resolve"):
        socket.create_connection(("api.themoviedb.org", 443), timeout=1)
    with socket.socket() as sock, pytest.raises(OSError, match="may not reach"):
        sock.connect(("1.1.1.1", 443))


@override_settings(TMDB_API_TOKEN="token", TMDB_BASE_URL="https://api.themoviedb.org/3")
def test_the_real_tmdb_is_refused_too():
    with pytest.raises(TMDBUnavailable):
        get_client().configuration()


def test_secret_query_parameters_are_redacted():
    url = f"/3/search/movie?api_key={KEY}&query=heat"
    assert redact_secrets(url) == "/3/search/movie?api_key=[redacted]&query=heat"


def test_the_logging_filter_redacts_urllib3_retry_warnings():
    record = logging.LogRecord(
        "urllib3.connectionpool",
        logging.WARNING,
        __file__,
        1,
        "Retrying (%r) after connection broken by '%r': %s",
        ("Retry(total=1)", "ProtocolError", f"/3/movie/603?api_key={KEY}"),
        None,
    )
    assert RedactSecretsFilter().filter(record)
    assert KEY not in record.getMessage()
    assert "api_key=[redacted]" in record.getMessage()


def test_the_filter_is_on_the_console_handler(settings):
    handler = settings.LOGGING["handlers"]["console"]
    assert "redact_secrets" in handler["filters"]
