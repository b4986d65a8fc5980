"""A real S3-compatible server on loopback for tests: moto's standalone server.

`s3_server` (session) starts `python -m moto.server` on a free port; `bucket`
makes a fresh bucket there and points the site's default storage at it, as
MEDIA_BUCKET would (settings/storage.py). When the server cannot start the
tests skip, unless FILMTRACKER_S3_REQUIRED is set (CI sets it): then they
fail, so CI never passes without running them.

moto stands in for a real bucket (AWS S3, R2, MinIO...): same protocol, same
client (boto3 through django-storages), nothing leaves the machine.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass

import pytest

from filmtracker.bucket_policy import public_read_policy
from filmtracker.settings.storage import media_storage

START_TIMEOUT = 60  # seconds; a loaded 2-core machine imports moto slowly
# Any key works with moto; real buckets get theirs from the environment.
KEY_ID, SECRET = "test-key-id", "test-secret"  # noqa: S105
REGION = "us-east-1"


def _unavailable(reason):
    if os.environ.get("FILMTRACKER_S3_REQUIRED"):
        pytest.fail(f"the S3 tests are required here but cannot run: {reason}")
    pytest.skip(reason)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback
            return True
    except urllib.error.HTTPError:
        return True  # an S3 error document is an answer
    except OSError:
        return False


@pytest.fixture(scope="session")
def s3_server():
    """The endpoint URL of a moto S3 server on 127.0.0.1 (for the session)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    try:
        process = subprocess.Popen(  # noqa: S603 - fixed argv
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
    except OSError as e:
        _unavailable(f"moto's server could not start: {e}")
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _answers(url):
            if process.poll() is not None:
                _unavailable(f"moto's server exited: {process.stderr.read()[-500:]}")
            if time.monotonic() > deadline:
                _unavailable(f"moto's server did not answer in {START_TIMEOUT}s")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        process.stderr.close()


@dataclass
class Bucket:
    name: str
    endpoint_url: str
    client: object  # a boto3 S3 client

    def keys(self, prefix=""):
        listed = self.client.list_objects_v2(Bucket=self.name, Prefix=prefix)
        return sorted(item["Key"] for item in listed.get("Contents", []))

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def public_url(self, key):
        """The object's address on the server, fetched without credentials."""
        return f"{self.endpoint_url}/{self.name}/{key}"


@pytest.fixture
def bucket(s3_server, settings):
    """A new, empty bucket that the default storage writes to, with the
    policy a real one gets (images public, the rest private)."""
    import boto3

    name = f"filmtracker-test-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name=REGION,
        aws_access_key_id=KEY_ID,
        aws_secret_access_key=SECRET,
    )
    client.create_bucket(Bucket=name)
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": media_storage(
            bucket=name,
            endpoint_url=s3_server,
            region=REGION,
            access_key_id=KEY_ID,
            secret_access_key=SECRET,
        ),
    }
    return Bucket(name=name, endpoint_url=s3_server, client=client)
