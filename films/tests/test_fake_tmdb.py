"""The fake TMDB server itself behaves like TMDB (plain HTTP, no client code)."""

import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from films.testing import fake_tmdb_data
from films.testing.fake_tmdb import FAKE_TOKEN, FakeTMDB

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server():
    with FakeTMDB() as fake:
        yield fake


def get(fake, path, *, token=FAKE_TOKEN):
    base = fake if isinstance(fake, str) else fake.url
    request = urllib.request.Request(base + path)  # noqa: S310 - http://127.0.0.1
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def get_json(fake, path, **kwargs):
    status, headers, body = get(fake, path, **kwargs)
    return status, json.loads(body)


def test_binds_to_loopback_on_an_ephemeral_port(server):
    host, port = server._server.server_address[:2]
    assert host == "127.0.0.1" and port not in (0, 8765)


def test_checks_credentials_like_tmdb(server):
    assert get_json(server, "/3/movie/603", token=None) == (
        401,
        {
            "status_code": 7,
            "status_message": "Invalid API key: You must be granted a valid key.",
            "success": False,
        },
    )
    assert get_json(server, "/3/movie/603", token="wrong")[0] == 401
    status, _ = get_json(server, f"/3/movie/603?api_key={server.api_key}", token=None)
    assert status == 200
    assert [r.authorized for r in server.requests] == [False, False, True]


def test_serves_the_recorded_matrix_json(server):
    status, headers, body = get(server, "/3/movie/603?append_to_response=credits")
    assert status == 200
    assert headers["Content-Type"] == "application/json;charset=utf-8"
    recorded = json.loads((ROOT / "films/testing/tmdb_data/movie/603.json").read_text())
    assert json.loads(body) == recorded


def test_credits_only_when_appended_and_at_most_20_appends(server):
    assert "credits" not in get_json(server, "/3/movie/603")[1]
    status, body = get_json(
        server, "/3/movie/603?append_to_response=" + ",".join(["x"] * 21)
    )
    assert (status, body["status_code"]) == (400, 27)


def test_unknown_film_is_404_code_34(server):
    status, body = get_json(server, "/3/movie/1")
    assert (status, body["status_code"]) == (404, 34)


def test_russian_details_are_cyrillic_and_untranslated_text_is_empty(server):
    _, body = get_json(server, "/3/movie/603?language=ru-RU")
    assert body["title"] == "Матрица" and body["original_title"] == "The Matrix"
    assert [g["name"] for g in body["genres"]] == ["боевик", "фантастика"]
    _, body = get_json(server, "/3/movie/999001?language=ru-RU")
    assert body["title"] == body["original_title"] and body["overview"] == ""


def test_search_validation_like_tmdb(server):
    assert get_json(server, "/3/search/movie?query=")[1] == {
        "errors": ["query must be provided"]
    }
    status, body = get_json(server, "/3/search/movie?query=heat&page=501")
    assert (status, body["status_code"]) == (400, 22)


def test_search_pages(server, monkeypatch):
    monkeypatch.setattr(fake_tmdb_data, "PAGE_SIZE", 3)
    path = "/3/search/movie?language=ru-RU&query=" + quote("матрица")
    _, first = get_json(server, path + "&page=1")
    _, second = get_json(server, path + "&page=2")
    assert (first["total_results"], first["total_pages"]) == (4, 2)
    assert len(first["results"]) == 3 and len(second["results"]) == 1
    assert second["page"] == 2
    _, empty = get_json(server, "/3/search/movie?query=zzzz")
    assert empty == {"page": 1, "results": [], "total_pages": 0, "total_results": 0}


def test_posters_are_real_jpegs_and_unknown_images_404(server):
    status, headers, body = get(server, "/t/p/w780/fakeHeat949.jpg", token=None)
    assert (status, headers["Content-Type"]) == (200, "image/jpeg")
    assert body[:2] == b"\xff\xd8"
    assert get(server, "/t/p/w780/unknown.jpg")[0] == 404
    assert get(server, "/t/p/w9999/fakeHeat949.jpg")[0] == 404


def test_configuration_points_images_at_the_fake(server):
    _, body = get_json(server, "/3/configuration")
    assert body["images"]["secure_base_url"] == server.image_base_url


def test_failures_are_counted_and_fail_next_runs_out(server):
    server.fail_next("unavailable", times=2)
    assert get(server, "/3/configuration")[0] == 503
    assert get(server, "/3/configuration")[0] == 503
    assert get(server, "/3/configuration")[0] == 200
    assert server.count("/3/configuration") == 3
    with pytest.raises(ValueError, match="unknown fake TMDB mode"):
        server.fail_next("explode")


def test_rate_limit_with_and_without_retry_after(server):
    server.fail_next("rate_limited", retry_after=7)
    status, headers, body = get(server, "/3/configuration")
    assert (status, headers["Retry-After"], json.loads(body)["status_code"]) == (
        429,
        "7",
        25,
    )
    server.fail_next("rate_limited")
    status, headers, _ = get(server, "/3/configuration")
    assert status == 429 and "Retry-After" not in headers


def test_runs_standalone():
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "films.testing.fake_tmdb", "--port", "0", "--quiet"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        url = process.stdout.readline().split()[-1]
        assert url.startswith("http://127.0.0.1:")
        assert get(url, "/3/configuration", token=None)[0] == 401
        assert get(url, "/3/configuration")[0] == 200
    finally:
        process.terminate()
        process.wait(timeout=5)
