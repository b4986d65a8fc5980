"""The compose stack's wiring for several replicas (the smoke test runs it)."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
NGINX = (ROOT / "docker" / "nginx" / "default.conf").read_text()


def test_replicas_keep_nothing_on_their_own_disk():
    for name in ("web", "worker"):
        volumes = SERVICES[name].get("volumes", [])
        assert volumes == ["state:/var/lib/filmtracker"], name  # the shared key only
        environment = SERVICES[name]["environment"]
        assert environment["MEDIA_BUCKET"].startswith("${MEDIA_BUCKET:-")
        assert environment["CACHE_URL"].startswith("redis://")
    assert "media" not in COMPOSE["volumes"]


def test_the_number_of_replicas_comes_from_the_environment():
    assert SERVICES["web"]["scale"] == "${WEB_REPLICAS:-1}"
    assert SERVICES["worker"]["scale"] == "${WORKER_REPLICAS:-1}"


def test_web_is_healthy_when_ready_and_nginx_waits_for_it():
    assert "/readyz" in " ".join(SERVICES["web"]["healthcheck"]["test"])
    assert SERVICES["proxy"]["depends_on"]["web"]["condition"] == "service_healthy"


def test_nginx_looks_every_replica_up_and_passes_failures_on():
    # A variable makes nginx resolve `web` at run time, through the resolver
    # start.sh writes: every replica, also those started later.
    assert "set $filmtracker_web http://web:8000;" in NGINX
    assert "proxy_pass $filmtracker_web;" in NGINX
    assert "proxy_next_upstream error timeout http_502 http_503;" in NGINX
    start = (ROOT / "docker" / "nginx" / "start.sh").read_text()
    assert "resolver $nameserver" in start


def test_nginx_passes_images_to_the_bucket_but_never_documents():
    assert "location /media/documents/ { deny all; }" in NGINX
    assert "proxy_pass $filmtracker_bucket_origin;" in NGINX
    bucket = (ROOT / "docker" / "nginx" / "bucket.inc").read_text()
    assert "limit_except GET { deny all; }" in bucket
    assert 'proxy_set_header Cookie "";' in bucket
