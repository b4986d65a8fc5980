import pytest

from films.tmdb import TMDBRateLimited, TMDBUnavailable
from jobs.retry import JobFailed, with_backoff


class Flaky:
    def __init__(self, failures):
        self.failures, self.calls = list(failures), 0

    def __call__(self):
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return "done"


@pytest.fixture
def backoff(settings):
    settings.JOBS_RETRY_ATTEMPTS = 4
    settings.JOBS_RETRY_BACKOFF = 1.0
    settings.JOBS_RETRY_MAX_WAIT = 3.0


def test_429_and_5xx_are_waited_out_with_doubling_waits(backoff):
    waits = []
    call = Flaky([TMDBRateLimited("429"), TMDBUnavailable("503"), TMDBUnavailable()])
    result = with_backoff(call, retry_on=TMDBUnavailable, what="x", sleep=waits.append)
    assert result == "done" and call.calls == 4
    assert waits == [1.0, 2.0, 3.0]  # doubling, capped at the maximum


def test_a_longer_retry_after_is_honoured_within_the_maximum(backoff):
    waits = []
    error = TMDBRateLimited("429")
    error.retry_after = 2.5
    with_backoff(Flaky([error]), retry_on=TMDBUnavailable, what="x", sleep=waits.append)
    assert waits == [2.5]


def test_an_error_that_keeps_coming_fails_with_a_readable_reason(backoff):
    call = Flaky([TMDBUnavailable("TMDB movie/603: HTTP 503")] * 4)
    with pytest.raises(JobFailed) as failed:
        with_backoff(call, retry_on=TMDBUnavailable, what="Importing 603", sleep=id)
    assert str(failed.value) == (
        "Importing 603: still failing after 4 tries over 6 s: TMDB movie/603: HTTP 503"
    )
    assert isinstance(failed.value.__cause__, TMDBUnavailable)


def test_other_errors_are_not_retried(backoff):
    call = Flaky([ValueError("bad")])
    with pytest.raises(ValueError):
        with_backoff(call, retry_on=TMDBUnavailable, what="x", sleep=id)
    assert call.calls == 1
