"""The TMDB exception family (re-exported by `films.tmdb`).

Each carries TMDB's own `status_code` (7 bad key, 34 not found, 25 rate
limited...) and `status_message` when TMDB sent them, and the HTTP status.
"""


class TMDBError(Exception):
    """Anything that went wrong talking to TMDB."""

    def __init__(
        self, message="", *, status_code=None, status_message="", http_status=None
    ):
        self.status_code = status_code  # TMDB's own code (7, 34, 25...) or None
        self.status_message = status_message or message
        self.http_status = http_status
        super().__init__(message or status_message or "TMDB request failed")


class TMDBNotConfigured(TMDBError):
    """No token or key: the site runs on its local catalogue only."""


class TMDBAuthError(TMDBError):
    """HTTP 401: the token or key was refused."""


class TMDBNotFound(TMDBError):
    """HTTP 404: TMDB has no such film (or image)."""


class TMDBUnavailable(TMDBError):
    """TMDB could not be reached, failed (5xx) or kept refusing (429)."""


class TMDBTimeout(TMDBUnavailable):
    """TMDB did not answer within TMDB_TIMEOUT seconds."""


class TMDBRateLimited(TMDBUnavailable):
    """HTTP 429, still after the retries."""


class TMDBBadResponse(TMDBError):
    """An answer that is not what TMDB documents (malformed JSON, wrong shape)."""


def error_from_response(response, what):
    try:
        body = response.json()
    except ValueError:
        body = None
    code, message = None, ""
    if isinstance(body, dict):
        if isinstance(body.get("status_code"), int):
            code = body["status_code"]
        message = str(body.get("status_message") or "")
        if not message and isinstance(body.get("errors"), list):
            message = "; ".join(str(e) for e in body["errors"])
    if not message:
        kind = "" if body is not None else " (not a JSON body)"
        message = f"HTTP {response.status_code} {response.reason or ''}".strip() + kind
    status = response.status_code
    cls = {401: TMDBAuthError, 404: TMDBNotFound, 429: TMDBRateLimited}.get(status)
    if cls is None:
        cls = TMDBUnavailable if status >= 500 else TMDBError
    return cls(
        f"TMDB {what}: {message}",
        status_code=code,
        status_message=message,
        http_status=status,
    )
