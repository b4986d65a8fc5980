"""TMDB client failure modes (errors, retries, timeouts, posters), fake TMDB."""

import types

import pytest
import urllib3.util.retry

from films.tmdb import (
    TMDBAuthError,
    TMDBBadResponse,
    TMDBError,
    TMDBNotFound,
    TMDBRateLimited,
    TMDBTimeout,
    TMDBUnavailable,
    get_client,
)

SEARCH = "/3/search/movie"


@pytest.fixture
def sleeps(monkeypatch):
    """urllib3's retry waits, recorded instead of slept (no timing in tests)."""
    calls = []
    fake_time = types.SimpleNamespace(sleep=calls.append, time=__import__("time").time)
    monkeypatch.setattr(urllib3.util.retry, "time", fake_time)
    return calls


# --- failure modes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "error", "http_status", "tmdb_code"),
    [
        ("unauthorized", TMDBAuthError, 401, 7),
        ("not_found", TMDBNotFound, 404, 34),
        ("rate_limited", TMDBRateLimited, 429, 25),
        ("server_error", TMDBUnavailable, 500, None),
        ("bad_gateway", TMDBUnavailable, 502, None),
        ("unavailable", TMDBUnavailable, 503, None),
        ("malformed_json", TMDBBadResponse, 200, None),
        ("wrong_shape", TMDBBadResponse, 200, None),
        ("reset", TMDBUnavailable, None, None),
    ],
)
def test_each_failure_mode_is_a_clear_tmdb_error(
    fake_tmdb, sleeps, mode, error, http_status, tmdb_code
):
    fake_tmdb.set_mode(mode)
    with pytest.raises(error) as caught:
        get_client().movie_details(tmdb_id=603)
    assert type(caught.value) is error
    assert caught.value.http_status == http_status
    assert caught.value.status_code == tmdb_code
    assert str(caught.value).startswith("TMDB movie/603")


def test_html_error_bodies_are_described_not_dumped(fake_tmdb, sleeps):
    fake_tmdb.set_mode("unavailable")
    with pytest.raises(TMDBUnavailable) as caught:
        get_client().search_movies(query="heat")
    assert "<HTML>" not in str(caught.value)
    assert "503" in str(caught.value)


def test_5xx_is_retried_then_succeeds(fake_tmdb, sleeps):
    fake_tmdb.fail_next("server_error", times=2)
    page = get_client().search_movies(query="heat")
    assert page.results[0].tmdb_id == 949
    assert fake_tmdb.count(SEARCH) == 3


def test_5xx_retries_are_bounded(fake_tmdb, settings, sleeps):
    settings.TMDB_RETRIES = 3
    fake_tmdb.set_mode("unavailable")
    with pytest.raises(TMDBUnavailable):
        get_client().search_movies(query="heat")
    assert fake_tmdb.count(SEARCH) == 4  # the first try and three retries


def test_429_honours_retry_after(fake_tmdb, settings, sleeps):
    settings.TMDB_RETRY_MAX_WAIT = 5
    fake_tmdb.fail_next("rate_limited", retry_after=2)
    assert get_client().search_movies(query="heat").total_results == 1
    assert sleeps == [2]
    assert fake_tmdb.count(SEARCH) == 2


def test_a_long_retry_after_is_capped(fake_tmdb, settings, sleeps):
    settings.TMDB_RETRY_MAX_WAIT = 3
    fake_tmdb.fail_next("rate_limited", retry_after=3600)
    get_client().search_movies(query="heat")
    assert sleeps == [3]


def test_no_setting_makes_a_retry_wait_long(fake_tmdb, settings, sleeps):
    settings.TMDB_RETRY_MAX_WAIT = 3600
    fake_tmdb.fail_next("rate_limited", retry_after=3600)
    get_client().search_movies(query="heat")
    assert sleeps == [10.0]


def test_429_without_retry_after_backs_off_exponentially(fake_tmdb, settings, sleeps):
    settings.TMDB_BACKOFF_FACTOR = 0.5
    settings.TMDB_RETRY_MAX_WAIT = 5
    fake_tmdb.set_mode("rate_limited")
    with pytest.raises(TMDBRateLimited):
        get_client().search_movies(query="heat")
    # urllib3 retries the first failure at once, then waits factor * 2**n.
    assert sleeps == [1.0]
    assert fake_tmdb.count(SEARCH) == 3


def test_a_slow_answer_times_out_without_retrying(fake_tmdb, settings):
    settings.TMDB_TIMEOUT = 0.3
    fake_tmdb.set_mode("slow", delay=2)
    with pytest.raises(TMDBTimeout) as caught:
        get_client().search_movies(query="heat")
    assert isinstance(caught.value, TMDBUnavailable)
    assert fake_tmdb.count(SEARCH) == 1


def test_missing_query_and_bad_page_come_back_as_tmdb_errors(fake_tmdb):
    with pytest.raises(TMDBError) as caught:
        get_client().search_movies(query="heat", page=501)
    assert caught.value.status_code == 22 and caught.value.http_status == 400


@pytest.mark.parametrize(
    ("mode", "error"),
    [
        ("garbage_image", None),  # bytes are checked by films.posters
        ("not_an_image", TMDBBadResponse),
        ("image_missing", TMDBNotFound),
    ],
)
def test_poster_failures(fake_tmdb, mode, error):
    fake_tmdb.set_mode(mode)
    client = get_client()
    if error is None:
        assert not client.download_poster(
            poster_path="/fakeHeat949.jpg"
        ).content.startswith(b"\xff\xd8")
        return
    with pytest.raises(error):
        client.download_poster(poster_path="/fakeHeat949.jpg")


def test_a_poster_over_the_size_limit_is_refused(fake_tmdb, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    with pytest.raises(TMDBBadResponse, match="too large"):
        get_client().download_poster(poster_path="/fakeHeat949.jpg")
