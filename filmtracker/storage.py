"""Uploads in an S3-compatible bucket (django-storages), linked at MEDIA_URL.

settings/storage.py selects this backend when MEDIA_BUCKET is set. Files are
read and written through the bucket's API; browsers fetch them at MEDIA_URL
+ the file's name, the same addresses the local disk gives. MEDIA_URL is
where the bucket is public: /media/ behind the compose nginx (which passes
it on to the bucket), or the bucket's or a CDN's own address.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class BucketStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        """MEDIA_URL + the key: no request to the bucket, never expires."""
        key = self._normalize_name(clean_name(name))
        return urljoin(settings.MEDIA_URL, filepath_to_uri(key))
