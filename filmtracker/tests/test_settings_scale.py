"""Settings for several replicas: media storage, database connections, X-Served-By."""

import json
import socket
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import load_command_class
from django.test import override_settings

from filmtracker.settings.database import production_database
from filmtracker.settings.storage import media_storage
from filmtracker.tests.production_env import production_env

BUCKET_ENV = {
    "MEDIA_BUCKET": "filmtracker-media",
    "MEDIA_BUCKET_ENDPOINT_URL": "https://s3.example.org",
    "MEDIA_BUCKET_REGION": "eu-central-1",
    "MEDIA_BUCKET_ACCESS_KEY_ID": "key-id",
    "MEDIA_BUCKET_SECRET_ACCESS_KEY": "secret",
}
POSTGRES = {"ENGINE": "django.db.backends.postgresql", "NAME": "ft", "OPTIONS": {}}


def settings_of(module, **env):
    """A settings module's STORAGES and database, loaded in a fresh interpreter
    under production_env() plus `env` (base/ reads the environment once, when
    first imported)."""
    code = (
        f"import json; from {module.rpartition('.')[0]} import "
        f"{module.rpartition('.')[2]} as s; "
        "print(json.dumps({'storages': s.STORAGES, 'db': s.DATABASES['default']}, "
        "default=str))"
    )
    done = subprocess.run(  # noqa: S603 - fixed argv
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
        env={**production_env(), **env},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def production(**env):
    return settings_of("filmtracker.settings.production", **env)


def test_without_a_bucket_uploads_stay_on_the_local_disk():
    assert media_storage(bucket="") == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }


def test_the_bucket_settings_select_django_storages_s3_backend():
    unset = dict.fromkeys(BUCKET_ENV, "")
    assert settings_of("filmtracker.settings.base", **unset)["storages"]["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }

    storages = settings_of("filmtracker.settings.base", **BUCKET_ENV)["storages"]

    assert storages["default"] == {
        "BACKEND": "filmtracker.storage.BucketStorage",
        "OPTIONS": {
            "bucket_name": "filmtracker-media",
            "endpoint_url": "https://s3.example.org",
            "region_name": "eu-central-1",
            "access_key": "key-id",
            "secret_key": "secret",
            "addressing_style": "path",
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }


def test_aws_itself_needs_only_the_bucket_name():
    """No endpoint: AWS; no keys: boto3's own credentials (an instance role)."""
    options = media_storage(bucket="filmtracker-media")["OPTIONS"]
    assert options == {
        "bucket_name": "filmtracker-media",
        "querystring_auth": False,
        "file_overwrite": False,
    }


def test_production_keeps_the_bucket_and_whitenoise_for_static_files():
    storages = production(**BUCKET_ENV)["storages"]
    assert storages["default"]["BACKEND"] == "filmtracker.storage.BucketStorage"
    assert storages["default"]["OPTIONS"]["bucket_name"] == "filmtracker-media"
    assert storages["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_a_pool_replaces_persistent_connections_and_statements_time_out():
    db = production_database(
        POSTGRES, pool_max_size=4, pool_timeout=10, conn_max_age=60, timeout=20
    )
    assert db["CONN_MAX_AGE"] == 0  # Django refuses both at once
    assert db["OPTIONS"]["pool"]["max_size"] == 4
    assert db["OPTIONS"]["pool"]["timeout"] == 10
    assert db["OPTIONS"]["options"] == "-c statement_timeout=20000"
    assert POSTGRES["OPTIONS"] == {}  # the given dict is left alone


def test_without_a_pool_connections_persist_and_are_checked():
    db = production_database(
        POSTGRES, pool_max_size=0, pool_timeout=10, conn_max_age=60, timeout=0
    )
    assert (db["CONN_MAX_AGE"], db["CONN_HEALTH_CHECKS"]) == (60, True)
    assert "pool" not in db["OPTIONS"]
    assert "options" not in db["OPTIONS"]  # 0: no statement timeout


def test_sqlite_gets_no_postgresql_options():
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "x"}
    db = production_database(
        sqlite, pool_max_size=4, pool_timeout=10, conn_max_age=60, timeout=20
    )
    assert db == {**sqlite, "OPTIONS": {}}


def test_production_reads_the_connection_settings_from_the_environment():
    db = production(
        DATABASE_URL="postgres://ft@db:5432/ft",
        DB_POOL_MAX_SIZE="8",
        DB_STATEMENT_TIMEOUT="2.5",
    )["db"]
    assert db["OPTIONS"]["pool"]["max_size"] == 8
    assert db["OPTIONS"]["options"] == "-c statement_timeout=2500"


@pytest.mark.django_db
def test_served_by_names_the_host_when_asked(client):
    assert "X-Served-By" not in client.get("/healthz")

    with override_settings(SERVED_BY_HEADER=True):
        client.handler.load_middleware()

    assert client.get("/healthz")["X-Served-By"] == socket.gethostname()
    assert client.get("/")["X-Served-By"] == socket.gethostname()


def test_a_workers_id_starts_with_its_host_name_and_is_unique(settings):
    settings.TASKS = {"default": {"BACKEND": settings.TASKS_BACKENDS["database"]}}

    def worker_id():
        command = load_command_class("jobs", "db_worker")
        return command.create_parser("manage.py", "db_worker").parse_args([]).worker_id

    first, second = worker_id(), worker_id()
    assert first.startswith(socket.gethostname()[:40] + "-")
    assert first != second
