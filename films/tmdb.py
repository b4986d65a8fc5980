"""TMDB v3 client: HTTP only, no ORM (the database side is `films.services`).

The endpoints (search, details, configuration, genres, posters) and the
settings-driven `get_client()`; sessions, retries, auth, error mapping and
the cache are in `films.tmdb_transport`, the error types in
`films.tmdb_errors`, the typed answers in `films.tmdb_types`. Every name
callers use is importable from here.
"""

import functools
from dataclasses import dataclass

import requests
from django.conf import settings
from django.utils.translation import get_language

from .tmdb_errors import (
    TMDBAuthError,
    TMDBBadResponse,
    TMDBError,
    TMDBNotConfigured,
    TMDBNotFound,
    TMDBRateLimited,
    TMDBTimeout,
    TMDBUnavailable,
    error_from_response,
)
from .tmdb_transport import RETRY_WAIT_CEILING, TMDBTransport, cache_key
from .tmdb_types import (
    TMDBCastMember,
    TMDBConfiguration,
    TMDBGenre,
    TMDBMovie,
    TMDBMovieSummary,
    TMDBPerson,
    TMDBSearchPage,
    parse_configuration,
    parse_genres,
    parse_movie,
    parse_search_page,
)

__all__ = [
    "TMDBAuthError",
    "TMDBBadResponse",
    "TMDBCastMember",
    "TMDBClient",
    "TMDBConfiguration",
    "TMDBError",
    "TMDBGenre",
    "TMDBImage",
    "TMDBMovie",
    "TMDBMovieSummary",
    "TMDBNotConfigured",
    "TMDBNotFound",
    "TMDBPerson",
    "TMDBRateLimited",
    "TMDBSearchPage",
    "TMDBTimeout",
    "TMDBUnavailable",
    "cache_key",
    "get_client",
    "tmdb_is_configured",
]

DEFAULT_LANGUAGE = "en-US"
# The TMDB language asked for each site language (settings.LANGUAGES).
TMDB_LANGUAGES = {"en": "en-US", "ru": "ru-RU"}


def tmdb_language(site_language=None):
    """TMDB's language code (`ru-RU`) for a site language (`ru`; default: active)."""
    code = (site_language or get_language() or "en").split("-")[0].lower()
    return TMDB_LANGUAGES.get(code, DEFAULT_LANGUAGE)


# Big enough for the largest listing rendition (fill-400x600) at 2x density.
POSTER_SIZE = "w780"
IMAGE_CONTENT_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})


@dataclass(frozen=True, slots=True)
class TMDBImage:
    content: bytes
    content_type: str
    url: str


class TMDBClient(TMDBTransport):
    """TMDB v3 endpoints, typed (`films.tmdb_types`); transport in the base class."""

    def search_movies(self, *, query, year=None, page=1, language=DEFAULT_LANGUAGE):
        query = " ".join(str(query or "").split())
        if not query:
            return TMDBSearchPage(page=1, total_pages=0, total_results=0, results=[])
        params = {
            "query": query,
            "year": int(year) if year else None,
            "page": int(page),
            "language": language,
            "include_adult": "false",
        }
        # TMDB's search ignores case, so "Matrix" and "matrix" share an entry.
        key_params = {**params, "query": query.casefold()}
        return self._cached(
            "search/movie",
            params,
            key_params=key_params,
            parse=parse_search_page,
            ttl=self.cache_ttl,
        )

    def movie_details(self, *, tmdb_id, language=DEFAULT_LANGUAGE, fresh=False):
        """`fresh=True` skips the cached copy (refreshing) but stores the new one."""
        return self._cached(
            f"movie/{int(tmdb_id)}",
            {"language": language, "append_to_response": "credits"},
            parse=parse_movie,
            ttl=self.cache_ttl,
            fresh=fresh,
        )

    def configuration(self):
        return self._cached(
            "configuration", {}, parse=parse_configuration, ttl=self.configuration_ttl
        )

    def genres(self, *, language=DEFAULT_LANGUAGE):
        return self._cached(
            "genre/movie/list",
            {"language": language},
            parse=parse_genres,
            ttl=self.configuration_ttl,
        )

    def poster_url(self, *, poster_path, size=POSTER_SIZE):
        base = self.image_base_url
        if not base:
            config = self.configuration()
            base = config.image_base_url
            if config.poster_sizes and size not in config.poster_sizes:
                size = "original"
        return f"{base.rstrip('/')}/{size}/{poster_path.lstrip('/')}"

    def download_poster(self, *, poster_path, size=POSTER_SIZE):
        """The poster's bytes, checked for an image content type and size.

        Sent without credentials: images come from a CDN that needs none.
        """
        url = self.poster_url(poster_path=poster_path, size=size)
        what = f"poster {poster_path}"
        response = self._send(url, what=what, stream=True)
        with response:
            if response.status_code != 200:
                raise error_from_response(response, what)
            content_type = response.headers.get("Content-Type", "")
            content_type = content_type.split(";")[0].strip().lower()
            if content_type not in IMAGE_CONTENT_TYPES:
                raise TMDBBadResponse(
                    f"TMDB {what}: expected an image, got {content_type or 'no type'}",
                    http_status=200,
                )
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > self.max_image_bytes:
                raise TMDBBadResponse(f"TMDB {what}: too large ({length} bytes)")
            content = bytearray()
            try:
                for chunk in response.iter_content(64 * 1024):
                    content += chunk
                    if len(content) > self.max_image_bytes:
                        raise TMDBBadResponse(f"TMDB {what}: too large")
            except requests.RequestException as e:
                raise TMDBUnavailable(
                    f"TMDB {what}: the download broke off ({type(e).__name__})"
                ) from e
        if not content:
            raise TMDBBadResponse(f"TMDB {what}: empty body", http_status=200)
        return TMDBImage(content=bytes(content), content_type=content_type, url=url)


def tmdb_is_configured():
    return bool(settings.TMDB_API_TOKEN or settings.TMDB_API_KEY)


def get_client():
    """The client for the current settings; raises TMDBNotConfigured without them."""
    if not tmdb_is_configured():
        raise TMDBNotConfigured(
            "TMDB lookups are off: set TMDB_API_TOKEN (or TMDB_API_KEY)."
        )
    return _client_for(
        (
            ("base_url", settings.TMDB_BASE_URL),
            ("token", settings.TMDB_API_TOKEN),
            ("api_key", settings.TMDB_API_KEY),
            ("image_base_url", settings.TMDB_IMAGE_BASE_URL),
            ("timeout", settings.TMDB_TIMEOUT),
            ("retries", settings.TMDB_RETRIES),
            ("backoff_factor", settings.TMDB_BACKOFF_FACTOR),
            ("retry_max_wait", min(settings.TMDB_RETRY_MAX_WAIT, RETRY_WAIT_CEILING)),
            ("cache_ttl", settings.TMDB_CACHE_TTL),
            ("configuration_ttl", settings.TMDB_CONFIGURATION_TTL),
            ("max_image_bytes", settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE),
        )
    )


@functools.lru_cache(maxsize=4)
def _client_for(config):
    # One client (and its per-thread connection pools) per configuration;
    # tests that point the settings elsewhere simply get another one.
    return TMDBClient(**dict(config))
