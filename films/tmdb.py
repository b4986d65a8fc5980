"""TMDB client: the shared contract's names only.

# placeholder until the TMDB branch lands
"""


class TMDBError(Exception):
    def __init__(
        self, message="", *, status_code=None, status_message="", http_status=None
    ):
        super().__init__(message)
        self.status_code = status_code
        self.status_message = status_message or message
        self.http_status = http_status


class TMDBNotConfigured(TMDBError):
    pass


class TMDBAuthError(TMDBError):
    pass


class TMDBNotFound(TMDBError):
    pass


class TMDBUnavailable(TMDBError):
    pass


class TMDBTimeout(TMDBUnavailable):
    pass


class TMDBRateLimited(TMDBUnavailable):
    pass


class TMDBBadResponse(TMDBError):
    pass


def tmdb_is_configured():
    return False


def get_client():
    raise TMDBNotConfigured("TMDB is not configured.")
