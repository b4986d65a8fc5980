"""Waiting out a flaky service inside a job.

A job has nobody waiting on a page, so it can wait longer than a request:
`with_backoff` retries the given errors with doubling waits and, when they
keep coming, raises `JobFailed` with a sentence that says what failed, how
often and for how long — the reason shown for the failed job.
"""

import logging
import time

from django.conf import settings

log = logging.getLogger(__name__)


class JobFailed(Exception):
    """A job gave up; the message is the readable reason."""


def with_backoff(call, *, retry_on, what, sleep=time.sleep):
    """Return `call()`, retrying on `retry_on` exceptions.

    Up to JOBS_RETRY_ATTEMPTS tries; the n-th wait is JOBS_RETRY_BACKOFF ×
    2**(n-1) seconds, at most JOBS_RETRY_MAX_WAIT, or the error's own
    `retry_after` (seconds) when that is longer and still within the maximum.
    `what` names the work in the failure message ("TMDB film 603").
    Raises JobFailed (from the last error) when every try failed.
    """
    attempts = max(1, settings.JOBS_RETRY_ATTEMPTS)
    waited = 0.0
    for attempt in range(1, attempts + 1):
        try:
            return call()
        except retry_on as e:
            if attempt == attempts:
                raise JobFailed(
                    f"{what}: still failing after {attempts} tries over "
                    f"{waited:.0f} s: {e}"
                ) from e
            wait = settings.JOBS_RETRY_BACKOFF * 2 ** (attempt - 1)
            wait = max(wait, getattr(e, "retry_after", None) or 0)
            wait = min(wait, settings.JOBS_RETRY_MAX_WAIT)
            log.warning("%s: %s; try %d again in %.1f s", what, e, attempt + 1, wait)
            sleep(wait)
            waited += wait
    raise AssertionError("unreachable")  # pragma: no cover
