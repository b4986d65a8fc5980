"""The compose stack's stand-in bucket: moto's S3 server on 0.0.0.0:5000.

Makes the bucket BUCKET_NAME (with the public-read policy for images that a
real bucket gets, bucket_policy.py) and serves until stopped. Any access key
works. In memory only: a restart loses every file.
"""

import json
import os
import signal
import sys
import threading

import boto3
from bucket_policy import public_read_policy
from moto.server import ThreadedMotoServer

PORT = 5000


def main():
    name = os.environ.get("BUCKET_NAME", "filmtracker-media")
    server = ThreadedMotoServer(ip_address="0.0.0.0", port=PORT)  # noqa: S104
    server.start()
    client = boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{PORT}",
        region_name="us-east-1",
        aws_access_key_id="stand-in",
        aws_secret_access_key="stand-in",  # noqa: S106 - moto takes any key
    )
    client.create_bucket(Bucket=name)
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
    print(f"Stand-in bucket {name!r} on port {PORT} (in memory)", flush=True)
    # PID 1 ignores SIGTERM unless it handles it: stop at once when asked.
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    stopped.wait()
    server.stop()
    sys.exit(0)


if __name__ == "__main__":
    main()
