"""The STORAGES["default"] entry for uploads, from the media settings in base.py."""

FILESYSTEM = "django.core.files.storage.FileSystemStorage"
BUCKET = "filmtracker.storage.BucketStorage"


def media_storage(
    *, bucket, endpoint_url="", region="", access_key_id="", secret_access_key=""
):
    """Where uploads go: {"BACKEND": ..., "OPTIONS": {...}}.

    An empty `bucket` keeps them on the local disk (MEDIA_ROOT). A bucket name
    selects django-storages' S3 backend (our BucketStorage, which links to
    MEDIA_URL); empty strings leave an option at django-storages' default
    (AWS's endpoint, boto3's own credentials).
    """
    if not bucket:
        return {"BACKEND": FILESYSTEM}
    options = {
        "bucket_name": bucket,
        # Plain, lasting addresses: posters are public, pages that link to
        # them are cached, and browsers keep renditions for a year. Signed
        # URLs would expire inside cached pages (README "Media in a bucket").
        "querystring_auth": False,
        # Two uploads named alike get two files, as on disk; django-storages'
        # default would let the second replace the first.
        "file_overwrite": False,
    }
    given = {
        "endpoint_url": endpoint_url,
        "region_name": region,
        "access_key": access_key_id,
        "secret_key": secret_access_key,
    }
    options.update({name: value for name, value in given.items() if value})
    if endpoint_url:
        # bucket.host addresses need DNS per bucket; every S3-compatible
        # server (MinIO, R2, moto...) answers host/bucket/key.
        options["addressing_style"] = "path"
    return {"BACKEND": BUCKET, "OPTIONS": options}
