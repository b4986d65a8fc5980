"""The bucket policy that makes images public and keeps the rest private.

Plain Python (no Django): the compose stack's stand-in bucket (docker/s3/)
applies it too. On a real bucket apply the same JSON once, e.g.
`python -m filmtracker.bucket_policy NAME > policy.json` and
`aws s3api put-bucket-policy --bucket NAME --policy file://policy.json`
(README "Media in a bucket").
"""

import json
import sys

# Wagtail's originals and renditions: what pages link to, read by anyone.
# Everything else (documents/) stays private; Django streams documents
# after its permission checks (WAGTAILDOCS_SERVE_METHOD).
PUBLIC_PREFIXES = ("original_images/", "images/")


def public_read_policy(bucket):
    """An S3 bucket policy (a dict) granting anonymous GetObject under
    PUBLIC_PREFIXES of `bucket` and nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicImages",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [
                    f"arn:aws:s3:::{bucket}/{prefix}*" for prefix in PUBLIC_PREFIXES
                ],
            }
        ],
    }


if __name__ == "__main__":
    print(json.dumps(public_read_policy(sys.argv[1]), indent=2))
