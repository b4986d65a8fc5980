"""A fake TMDB v3 server on loopback, for tests and for offline development.

It serves TMDB's JSON from `tmdb_data/` (see the README there), poster bytes
under `/t/p/<size>/<file>`, checks credentials like TMDB (401, code 7), counts
every request, and misbehaves on demand:

    server = FakeTMDB().start()          # 127.0.0.1, an ephemeral port
    server.fail_next("rate_limited", retry_after=2)
    server.set_mode("slow", delay=3)     # until set_mode(None)
    server.set_movie(603, title="The Matrix (Remastered)")
    len(server.requests); server.count("/3/search/movie")

Standalone (what `make run TMDB=fake` starts):
    python -m films.testing.fake_tmdb --port 8765
    python -m films.testing.fake_tmdb --slow-once /t/p/w780/x.jpg --slow-delay 60

Standard library and Pillow only: no Django needed.
"""

import argparse
import sys
import threading
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer

from .fake_tmdb_data import DATA_DIR, FakeTMDBData, poster_jpeg
from .fake_tmdb_http import API_MODES, IMAGE_MODES, handler_for

FAKE_TOKEN = "fake-tmdb-read-access-token"  # noqa: S105 - not a secret
FAKE_API_KEY = "0123456789abcdef0123456789abcdef"


@dataclass
class FakeRequest:
    method: str
    path: str
    params: dict
    authorized: bool


@dataclass
class Failure:
    mode: str
    path: str
    times: int = 1  # None: until cleared
    options: dict = field(default_factory=dict)


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a slow answer must not hold up stop()
    block_on_close = False

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return  # the client gave up first (a timeout test): not news
        super().handle_error(request, client_address)


class FakeTMDB:
    def __init__(
        self,
        *,
        host="127.0.0.1",
        port=0,
        token=FAKE_TOKEN,
        api_key=FAKE_API_KEY,
        data_dir=DATA_DIR,
        verbose=False,
    ):
        self.token, self.api_key, self.verbose = token, api_key, verbose
        self.data = FakeTMDBData(data_dir)
        self.requests = []
        self._failures = []
        self._mode = None
        self._lock = threading.Lock()
        self._posters = {}
        self._server = _Server((host, port), handler_for(self))
        self._thread = None

    # --- lifecycle ------------------------------------------------------------

    @property
    def url(self):
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self):
        return f"{self.url}/3"

    @property
    def image_base_url(self):
        return f"{self.url}/t/p/"

    def start(self):
        # A short poll interval keeps stop() (and so each test) quick.
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.02},
            name="fake-tmdb",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # --- test controls ----------------------------------------------------------

    def count(self, path_prefix=""):
        return sum(1 for r in self.requests if r.path.startswith(path_prefix))

    def reset(self):
        with self._lock:
            self.requests.clear()
            self._failures.clear()
            self._mode = None
            self.data.overrides.clear()

    def fail_next(self, mode, *, times=1, path=None, **options):
        """Misbehave on the next `times` matching requests (API_MODES, IMAGE_MODES)."""
        self._check_mode(mode)
        with self._lock:
            self._failures.append(
                Failure(mode, path or self._default_path(mode), times, options)
            )

    def set_mode(self, mode, *, path=None, **options):
        """Misbehave on every matching request until `set_mode(None)`."""
        if mode is not None:
            self._check_mode(mode)
        with self._lock:
            self._mode = (
                None
                if mode is None
                else Failure(mode, path or self._default_path(mode), None, options)
            )

    def set_movie(self, tmdb_id, **fields):
        """Change what TMDB says about a film (its English record)."""
        with self._lock:
            self.data.overrides[tmdb_id] = {
                **(self.data.overrides.get(tmdb_id) or {}),
                **fields,
            }

    def remove_movie(self, tmdb_id):
        """TMDB no longer has this film: 404, code 34."""
        with self._lock:
            self.data.overrides[tmdb_id] = None

    @staticmethod
    def _check_mode(mode):
        if mode not in API_MODES and mode not in IMAGE_MODES:
            raise ValueError(f"unknown fake TMDB mode {mode!r}")

    @staticmethod
    def _default_path(mode):
        return "/t/p/" if mode in IMAGE_MODES else "/3/"

    def record(self, method, path, params, *, authorized):
        with self._lock:
            self.requests.append(FakeRequest(method, path, params, authorized))

    def take_failure(self, path):
        with self._lock:
            for failure in self._failures:
                if path.startswith(failure.path):
                    failure.times -= 1
                    if failure.times <= 0:
                        self._failures.remove(failure)
                    return failure
            if self._mode and path.startswith(self._mode.path):
                return self._mode
        return None

    def poster_bytes(self, file_path):
        with self._lock:
            title = self.data.poster_title(file_path)
            if title is None:
                return None
            if title not in self._posters:
                self._posters[title] = poster_jpeg(title)
            return self._posters[title]


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Serve a fake TMDB v3 API on loopback."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    # The compose smoke test kills a worker while it waits on one of these.
    parser.add_argument(
        "--slow-once",
        metavar="PATH",
        action="append",
        default=[],
        help="answer the first request under PATH (e.g. /t/p/w780/x.jpg) late",
    )
    parser.add_argument(
        "--slow-delay", type=float, default=30.0, help="seconds, for --slow-once"
    )
    args = parser.parse_args(argv)
    fake = FakeTMDB(host=args.host, port=args.port, verbose=not args.quiet)
    for path in args.slow_once:
        fake.fail_next("slow", path=path, delay=args.slow_delay)
    print(f"Fake TMDB listening on {fake.url}", flush=True)
    print(
        f"Point FilmTracker at it: TMDB_BASE_URL={fake.api_url} "
        f"TMDB_API_TOKEN={fake.token}",
        flush=True,
    )
    try:
        fake._server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        fake._server.server_close()


if __name__ == "__main__":
    main()
