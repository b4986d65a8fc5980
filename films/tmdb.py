"""TMDB v3 client: HTTP only, no ORM (the database side is `films.services`).

One `requests` session per thread, with urllib3's `Retry` mounted for 429 and
5xx (honouring `Retry-After`, capped so a member never waits long) and for
refused connections. Slow answers and broken connections are not retried:
the caller is usually a page a member is waiting for. Every failure becomes a
`TMDBError` subtype carrying TMDB's own `status_code`/`status_message`.

The secret never appears in a cache key, and never in a URL when the v4
Bearer token is used (preferred); with a v3 `api_key` the URL holds it, so
errors are raised without chaining the `requests` exception that quotes it.
"""

import functools
import hashlib
import json
import logging
import re
import threading
from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

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
from .tmdb_types import (
    ShapeError,
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
    "get_client",
    "tmdb_is_configured",
]

log = logging.getLogger(__name__)

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
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Whatever the settings or a Retry-After say, no single wait is longer: a
# member is usually waiting for the page.
RETRY_WAIT_CEILING = 10.0
_V3_KEY = re.compile(r"^[0-9a-fA-F]{32}$")
_CACHE_VERSION = "v1"


@dataclass(frozen=True, slots=True)
class TMDBImage:
    content: bytes
    content_type: str
    url: str


def cache_key(endpoint, params, *, base_url):
    """Endpoint + normalised params (language included); never the secret."""
    normalised = json.dumps(params, sort_keys=True, ensure_ascii=True, default=str)
    digest = hashlib.sha256(f"{base_url}|{normalised}".encode()).hexdigest()[:40]
    return f"tmdb:{_CACHE_VERSION}:{endpoint}:{digest}"


class TMDBClient:
    def __init__(
        self,
        *,
        base_url,
        token="",
        api_key="",
        image_base_url="",
        timeout=5.0,
        retries=2,
        backoff_factor=0.5,
        retry_max_wait=3.0,
        cache_ttl=3600,
        configuration_ttl=3 * 24 * 3600,
        max_image_bytes=10 * 1024 * 1024,
    ):
        # A 32-hex v3 key sent as a Bearer token gets a 401 on every call.
        if token and not api_key and _V3_KEY.match(token):
            token, api_key = "", token
        if not (token or api_key):
            raise TMDBNotConfigured("TMDB lookups are off: no token or API key.")
        self.base_url = base_url.rstrip("/")
        self.image_base_url = image_base_url
        self.timeout = timeout
        self.cache_ttl = cache_ttl
        self.configuration_ttl = configuration_ttl
        self.max_image_bytes = max_image_bytes
        self._token, self._api_key = token, api_key
        self._retry = Retry(
            total=retries,
            connect=retries,
            status=retries,
            read=False,  # a timeout or reset is raised at once, not waited out again
            other=0,
            allowed_methods=frozenset({"GET"}),
            status_forcelist=RETRY_STATUSES,
            backoff_factor=backoff_factor,
            backoff_max=retry_max_wait,
            retry_after_max=retry_max_wait,
            respect_retry_after_header=True,
            raise_on_status=False,  # the last answer comes back; we map it below
        )
        self._local = threading.local()

    def __repr__(self):
        return f"<TMDBClient {self.base_url}>"  # no secret

    @property
    def session(self):
        # requests does not promise a Session is thread-safe; one per thread is.
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            adapter = HTTPAdapter(max_retries=self._retry)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.headers["User-Agent"] = "FilmTracker (+TMDB API client)"
            self._local.session = session
        return session

    # --- transport ----------------------------------------------------------

    def _cause(self, error):
        # With a v3 key the requests exception quotes the URL, key included.
        return None if self._api_key else error

    def _send(self, url, *, what, params=None, headers=None, stream=False):
        try:
            return self.session.get(
                url, params=params, headers=headers, timeout=self.timeout, stream=stream
            )
        except requests.Timeout as e:
            raise TMDBTimeout(
                f"TMDB {what}: no answer within {self.timeout:g}s"
            ) from self._cause(e)
        except requests.RequestException as e:
            raise TMDBUnavailable(
                f"TMDB {what}: the connection failed ({type(e).__name__})"
            ) from self._cause(e)

    def _get(self, endpoint, params):
        params = {k: v for k, v in params.items() if v is not None}
        headers = {"Accept": "application/json"}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        else:
            params["api_key"] = self._api_key
        log.debug("TMDB GET %s", endpoint)
        response = self._send(
            f"{self.base_url}/{endpoint}", what=endpoint, params=params, headers=headers
        )
        if not 200 <= response.status_code < 300:
            raise error_from_response(response, endpoint)
        try:
            return response.json()
        except ValueError as e:
            raise TMDBBadResponse(
                f"TMDB {endpoint}: the answer is not valid JSON",
                http_status=response.status_code,
            ) from e

    def _cached(self, endpoint, params, *, parse, ttl, key_params=None, fresh=False):
        key = cache_key(endpoint, key_params or params, base_url=self.base_url)
        if not fresh:
            data = cache.get(key)
            if data is not None:
                try:
                    return parse(data)
                except ShapeError:
                    log.warning("Ignoring a cached TMDB answer of the wrong shape")
        data = self._get(endpoint, params)
        try:
            result = parse(data)
        except ShapeError as e:
            raise TMDBBadResponse(f"TMDB {endpoint}: {e}", http_status=200) from e
        cache.set(key, data, ttl)  # the raw JSON: safe across code changes
        return result

    # --- endpoints ----------------------------------------------------------

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
