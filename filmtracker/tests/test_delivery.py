"""Compressed text, and media and static files with lifetimes and no Vary: Cookie."""

import gzip
import json
from pathlib import Path

import pytest

from accounts.factories import UserFactory
from films.factories import FilmFactory

GZIP = {"headers": {"accept-encoding": "gzip, deflate, br"}}
NGINX_CONF = Path(__file__).resolve().parents[2] / "docker" / "nginx" / "default.conf"


def vary(response):
    return {v.strip().lower() for v in response.get("Vary", "").split(",")}


@pytest.mark.django_db
def test_pages_are_gzipped_with_a_csrf_token_inside(client):
    response = client.get("/accounts/login/", **GZIP)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "accept-encoding" in vary(response)
    html = gzip.decompress(response.content).decode()
    assert "csrfmiddlewaretoken" in html


@pytest.mark.django_db
def test_home_page_shrinks_to_a_fraction(client):
    FilmFactory.create_batch(12)
    raw = client.get("/")
    packed = client.get("/", **GZIP)
    assert packed["Content-Encoding"] == "gzip"
    assert len(packed.content) * 4 < len(raw.content)


@pytest.mark.django_db
def test_json_is_gzipped_with_random_padding_against_breach(client):
    """The same JSON twice compresses to different bytes: Django's mitigation
    pads each gzip header with random bytes, so response lengths say nothing
    reliable about a secret in the page."""
    FilmFactory.create_batch(3)
    first = client.get("/api/v1/films/", **GZIP)
    second = client.get("/api/v1/films/", **GZIP)
    assert first["Content-Encoding"] == "gzip"
    assert first["Content-Type"].startswith("application/json")
    assert gzip.decompress(first.content) == gzip.decompress(second.content)
    assert first.content != second.content


@pytest.mark.django_db
def test_no_compression_without_accept_encoding(client):
    response = client.get("/accounts/login/")
    assert "Content-Encoding" not in response


@pytest.fixture
def poster(settings):
    settings.SERVE_MEDIA = True
    film = FilmFactory(with_poster=True)
    return film.poster


@pytest.mark.django_db
def test_renditions_are_cached_for_a_year_without_vary_cookie(client, poster):
    url = poster.get_rendition("fill-200x300|format-webp").url
    client.force_login(UserFactory())  # a session cookie must change nothing
    response = client.get(url, **GZIP)
    assert response.status_code == 200
    cache_control = {p.strip() for p in response["Cache-Control"].split(",")}
    assert {"public", "max-age=31536000", "immutable"} <= cache_control
    assert not vary(response) & {"cookie", "accept-language"}
    assert "Set-Cookie" not in response
    # Images are compressed already: gzip would only cost CPU.
    assert "Content-Encoding" not in response


@pytest.mark.django_db
def test_originals_may_change_so_they_get_a_day(client, poster):
    response = client.get(poster.file.url)
    assert response.status_code == 200
    assert "max-age=86400" in response["Cache-Control"]
    assert "immutable" not in response["Cache-Control"]
    assert "cookie" not in vary(response)


@pytest.mark.django_db
def test_documents_and_missing_files_are_not_served_from_media(client, poster):
    assert client.get("/media/images/nothing-here.webp").status_code == 404
    response = client.get("/media/documents/secret.pdf")
    assert response.status_code == 404


@pytest.mark.django_db
def test_media_is_not_served_by_django_when_nginx_does(client, settings):
    settings.SERVE_MEDIA = False
    film = FilmFactory(with_poster=True)
    url = film.poster.get_rendition("fill-200x300|format-webp").url
    assert client.get(url).status_code == 404


@pytest.fixture
def collected_static(tmp_path, settings):
    """A STATIC_ROOT as collectstatic leaves it in production: hashed names and
    a manifest (written by hand: collecting Wagtail's files takes a while)."""
    root = tmp_path / "static"
    (root / "css").mkdir(parents=True)
    (root / "css" / "filmtracker.0123abcd4567.css").write_text("body{margin:0}")
    manifest = {"paths": {"css/filmtracker.css": "css/filmtracker.0123abcd4567.css"}}
    (root / "staticfiles.json").write_text(json.dumps({**manifest, "version": "1.1"}))
    settings.STATIC_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    return root


@pytest.mark.django_db
def test_hashed_static_files_are_cached_for_good(client, collected_static):
    response = client.get("/static/css/filmtracker.0123abcd4567.css", **GZIP)
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    assert "max-age=315360000" in response["Cache-Control"]
    assert "cookie" not in vary(response)


def test_compose_nginx_compresses_html_and_json():
    conf = NGINX_CONF.read_text()
    assert "gzip on;" in conf
    types = next(line for line in conf.splitlines() if "gzip_types" in line)
    assert "application/json" in types  # text/html is always compressed
    assert "gzip_proxied any;" in conf
    assert "gzip_vary on;" in conf
