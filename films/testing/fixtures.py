"""pytest fixtures for TMDB work; registered in the root conftest.py.

`fake_tmdb` starts the fake server on an ephemeral loopback port and points
the settings at it. `_no_internet` (autouse) makes any connection to a
non-loopback address fail, so no test can reach the real TMDB by accident.
"""

import ipaddress
import socket

import pytest
from django.core.cache import cache

from .fake_tmdb import FakeTMDB

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "testserver"}


def _is_local(host):
    if isinstance(host, bytes):
        host = host.decode()
    if host is None or host in _LOCAL_NAMES or host == socket.gethostname():
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch):
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def refuse(address):
        raise OSError(f"Tests may not reach the internet (tried {address!r}).")

    def connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(
            address[0]
        ):
            refuse(address)
        return real_connect(sock, address)

    def connect_ex(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(
            address[0]
        ):
            refuse(address)
        return real_connect_ex(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        if not _is_local(host):
            raise socket.gaierror(f"Tests may not resolve {host!r}.")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def fake_tmdb(settings):
    """A running fake TMDB; the site's TMDB settings point at it."""
    server = FakeTMDB().start()
    settings.TMDB_BASE_URL = server.api_url
    settings.TMDB_API_TOKEN = server.token
    settings.TMDB_API_KEY = ""
    settings.TMDB_IMAGE_BASE_URL = ""  # taken from the fake's /configuration
    cache.clear()  # no TMDB answer from an earlier test
    yield server
    server.stop()
    cache.clear()
