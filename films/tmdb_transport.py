"""TMDB HTTP transport: sessions, retries, auth, error mapping and the cache.

One `requests` session per thread, with urllib3's `Retry` mounted for 429 and
5xx (honouring `Retry-After`, capped so a member never waits long) and for
refused connections. Slow answers and broken connections are not retried:
the caller is usually a page a member is waiting for. Every failure becomes a
`TMDBError` subtype carrying TMDB's own `status_code`/`status_message`.

The secret never appears in a cache key, and never in a URL when the v4
Bearer token is used (preferred); with a v3 `api_key` the URL holds it, so
errors are raised without chaining the `requests` exception that quotes it.
The endpoint methods live on `films.tmdb.TMDBClient`.
"""

import hashlib
import json
import logging
import re
import threading

import requests
from django.core.cache import cache
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .tmdb_errors import (
    TMDBBadResponse,
    TMDBNotConfigured,
    TMDBTimeout,
    TMDBUnavailable,
    error_from_response,
)
from .tmdb_types import ShapeError

log = logging.getLogger("films.tmdb")

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Whatever the settings or a Retry-After say, no single wait is longer: a
# member is usually waiting for the page.
RETRY_WAIT_CEILING = 10.0
_V3_KEY = re.compile(r"^[0-9a-fA-F]{32}$")
_CACHE_VERSION = "v1"


def cache_key(endpoint, params, *, base_url):
    """Endpoint + normalised params (language included); never the secret."""
    normalised = json.dumps(params, sort_keys=True, ensure_ascii=True, default=str)
    digest = hashlib.sha256(f"{base_url}|{normalised}".encode()).hexdigest()[:40]
    return f"tmdb:{_CACHE_VERSION}:{endpoint}:{digest}"


class TMDBTransport:
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
        return f"<{type(self).__name__} {self.base_url}>"  # no secret

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
