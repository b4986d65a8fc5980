"""Every API error has one JSON shape: `{"detail", "code", "errors"}`.

`detail` is a sentence for people, `code` a stable token for programs and
`errors` maps field names to their messages (empty unless the input was
invalid). TMDB failures become 502/503/504 with a message, never a 500.
"""

import logging

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from films import tmdb

logger = logging.getLogger(__name__)


class TMDBFailure(exceptions.APIException):
    def __init__(self, *, status_code, detail, code):
        self.status_code = status_code
        super().__init__(detail=detail, code=code)


# First match wins, so subclasses come before their parents.
TMDB_FAILURES = [
    (
        tmdb.TMDBTimeout,
        504,
        "tmdb_timeout",
        _("TMDB did not answer in time. Please try again in a moment."),
    ),
    (
        tmdb.TMDBRateLimited,
        503,
        "tmdb_rate_limited",
        _("TMDB is limiting how often we may ask. Please try again in a minute."),
    ),
    (
        tmdb.TMDBNotConfigured,
        503,
        "tmdb_not_configured",
        _("Looking films up on TMDB is not set up on this site."),
    ),
    (
        tmdb.TMDBUnavailable,
        503,
        "tmdb_unavailable",
        _("TMDB is unavailable right now. Please try again later."),
    ),
    (
        tmdb.TMDBAuthError,
        502,
        "tmdb_auth_failed",
        _("TMDB refused this site's credentials. Please tell the site's staff."),
    ),
    (
        tmdb.TMDBBadResponse,
        502,
        "tmdb_bad_response",
        _("TMDB sent an answer we could not understand. Please try again later."),
    ),
    (
        tmdb.TMDBError,
        502,
        "tmdb_error",
        _("TMDB could not handle the request. Please try again later."),
    ),
]


def tmdb_failure(exc):
    """The API error for a TMDB exception."""
    status_code, code, detail = next(
        failure[1:] for failure in TMDB_FAILURES if isinstance(exc, failure[0])
    )
    level = logging.ERROR if status_code == 502 else logging.WARNING
    logger.log(level, "TMDB request failed (%s): %s", code, exc)
    return TMDBFailure(status_code=status_code, detail=detail, code=code)


def exception_handler(exc, context):
    if isinstance(exc, tmdb.TMDBError):
        exc = tmdb_failure(exc)
    elif isinstance(exc, DjangoValidationError):
        # Services validate too; their errors are the client's, not a crash.
        exc = exceptions.ValidationError(as_serializer_error(exc))
    response = drf_exception_handler(exc, context)
    if response is not None:
        response.data = error_body(exc, response.data)
    return response


def error_body(exc, data):
    if isinstance(exc, exceptions.ValidationError):
        errors = flatten_errors(data)
        return {"detail": summary(errors), "code": "invalid", "errors": errors}
    # APIException data is {"detail": ErrorDetail}; simplejwt adds "code" and
    # "messages" (and may nest its own dict under "detail").
    if not isinstance(data, dict):
        data = {"detail": data}
    detail = data.get("detail", "")
    code = data.get("code") or getattr(detail, "code", None) or "error"
    if isinstance(detail, dict):
        code = detail.get("code", code)
        detail = detail.get("detail", "")
    return {"detail": str(detail), "code": str(code), "errors": {}}


def summary(errors):
    """One sentence for `detail`: the error itself when there is only one."""
    non_field = errors.get(api_settings.NON_FIELD_ERRORS_KEY)
    if non_field:
        return non_field[0]
    messages = [(field, m) for field, ms in errors.items() for m in ms]
    if len(messages) == 1:
        return "{}: {}".format(*messages[0])
    return str(_("Invalid input: see the errors for each field."))


def flatten_errors(data, prefix=""):
    """`{"a": {"b": ["x"]}}` → `{"a.b": ["x"]}`; a bare list → non_field_errors."""
    flat = {}
    _flatten_into(flat, data, prefix)
    return flat


def _flatten_into(flat, data, key):
    if isinstance(data, dict):
        for name, value in data.items():
            _flatten_into(flat, value, f"{key}.{name}" if key else str(name))
    elif isinstance(data, list) and any(isinstance(i, dict | list) for i in data):
        for index, item in enumerate(data):
            _flatten_into(flat, item, f"{key}.{index}" if key else str(index))
    else:
        messages = data if isinstance(data, list) else [data]
        key = key or api_settings.NON_FIELD_ERRORS_KEY
        flat.setdefault(key, []).extend(str(m) for m in messages)
