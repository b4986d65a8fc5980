"""Serve the site with gunicorn and drive it with wrk, both on loopback."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")


@dataclass
class WrkResult:
    requests: int
    seconds: float
    errors: int  # non-2xx/3xx answers + socket errors (connect, read, write, timeout)
    p50_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def rps(self):
        return self.requests / self.seconds if self.seconds else 0.0


class Server:
    """gunicorn on an ephemeral loopback port, as production runs it."""

    def __init__(self, *, workers, env):
        self.workers, self.env = workers, env
        self.proc = None
        self.port = None

    def __enter__(self):
        # Bind port 0 here and hand the socket over: no race for a free port.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        sock.listen(2048)
        sock.set_inheritable(True)
        self.port = sock.getsockname()[1]
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.proc = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            [
                str(gunicorn),
                "filmtracker.wsgi:application",
                "--bind",
                f"fd://{sock.fileno()}",
                "--workers",
                str(self.workers),
                "--worker-class",
                "sync",
                "--log-level",
                "warning",
            ],  # fmt: skip
            pass_fds=[sock.fileno()],
            env=self.env,
        )
        sock.close()
        self._wait_ready()
        return self

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def _wait_ready(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("gunicorn exited during start-up")
            try:
                with urllib.request.urlopen(self.url("/healthz"), timeout=2) as r:  # noqa: S310
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer /healthz within 60 s")

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def wrk_path():
    path = shutil.which("wrk")
    if not path:
        raise RuntimeError("wrk is not installed (make bench installs it with apt-get)")
    return path


def run_wrk(*, url, duration, connections, threads=2, paths=(), cookie=None):
    """One bounded wrk run; wrk is a separate process on loopback."""
    env = {**os.environ, "BENCH_COOKIE": cookie or ""}
    argv = [
        wrk_path(), "-t", str(threads), "-c", str(connections), "-d", f"{duration}s",
        "--timeout", "10s", "-s", str(WRK_SCRIPT), url,
    ]  # fmt: skip
    if cookie and not paths:
        argv[1:1] = ["-H", f"Cookie: {cookie}"]
    if paths:
        argv += ["--", *paths]
    out = subprocess.run(  # noqa: S603 - fixed argv, no shell
        argv, capture_output=True, text=True, env=env, timeout=duration + 60, check=True
    ).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("BENCH_JSON "))
    data = json.loads(line.removeprefix("BENCH_JSON "))
    errors = sum(data[k] for k in ("connect", "read", "write", "status", "timeout"))
    return WrkResult(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        errors=errors,
        p50_ms=data["p50"] / 1000,
        p95_ms=data["p95"] / 1000,
        p99_ms=data["p99"] / 1000,
    )
