"""Uploads in an S3-compatible bucket, against moto's real server on loopback.

Posters from TMDB imports, their renditions, editors' images and documents
all go through Django's storage API into the bucket; pages link to them at
MEDIA_URL with plain (unsigned) addresses. See filmtracker/testing_s3.py for
when these tests skip.
"""

import io
import re
import urllib.error
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from films.posters import POSTER_RENDITIONS, poster_image_discard
from films.services import film_import_from_tmdb
from filmtracker.storage import BucketStorage

pytestmark = pytest.mark.django_db


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
        return response.read()


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (30, 45), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def test_the_default_storage_is_the_bucket(bucket):
    assert isinstance(default_storage, BucketStorage)
    assert default_storage.bucket_name == bucket.name


def test_an_imported_poster_and_all_its_renditions_land_in_the_bucket(
    bucket, fake_tmdb, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        film, created = film_import_from_tmdb(tmdb_id=603)

    assert created
    original = film.poster.file.name
    assert bucket.keys("original_images/") == [original]
    assert bucket.read(original)[:3] == b"\xff\xd8\xff"  # the JPEG TMDB sent
    renditions = film.poster.renditions.all()
    assert len(renditions) == len(POSTER_RENDITIONS)
    assert bucket.keys("images/") == sorted(r.file.name for r in renditions)


def test_the_film_page_links_to_posters_at_media_url_and_they_are_public(
    bucket, fake_tmdb, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        film, _ = film_import_from_tmdb(tmdb_id=603)

    html = client.get(film.get_absolute_url()).content.decode()
    links = set(re.findall(r"/media/(images/[^\"' ,?]+)", html))
    assert links  # the page shows its poster
    stored = set(bucket.keys("images/"))
    assert links <= stored
    # Plain addresses, no signature to expire inside a cached page; anyone
    # can fetch the object (the bucket policy makes images/ public).
    assert "X-Amz-Signature" not in html
    key = sorted(links)[0]
    assert fetch(bucket.public_url(key)) == bucket.read(key)


def test_urls_are_media_url_plus_the_key_without_asking_the_bucket(bucket, settings):
    settings.MEDIA_URL = "https://media.example.org/"
    url = default_storage.url("images/a poster.jpg")
    assert url == "https://media.example.org/images/a%20poster.jpg"


def test_two_uploads_with_one_name_keep_both_files(bucket):
    first = default_storage.save("original_images/poster.jpg", ContentFile(b"one"))
    second = default_storage.save("original_images/poster.jpg", ContentFile(b"two"))

    assert first != second
    assert bucket.read(first) == b"one" and bucket.read(second) == b"two"


def test_an_image_an_editor_uploads_is_stored_in_the_bucket(bucket, editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Poster", "file": SimpleUploadedFile("still.png", png())},
    )

    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert bucket.keys("original_images/") == [image.file.name]
    assert bucket.read(image.file.name) == png()


def test_a_document_is_stored_in_the_bucket_and_served_through_django(
    bucket, editor_client
):
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Press kit", "file": SimpleUploadedFile("kit.txt", b"for press")},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert bucket.keys("documents/") == [document.file.name]

    # Not readable from the bucket by anyone else (its policy).
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(bucket.public_url(document.file.name))
    assert refused.value.code == 403

    served = editor_client.get(document.url)
    # Wagtail's view (its permission checks) streams it: no redirect to the bucket.
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"for press"


def test_a_discarded_poster_leaves_no_file_in_the_bucket(bucket, fake_tmdb):
    film, _ = film_import_from_tmdb(tmdb_id=603)
    poster = film.poster
    film.poster = None
    film.save()

    poster_image_discard(poster)

    assert bucket.keys("original_images/") == []


def test_django_does_not_serve_bucket_media_from_its_disk(bucket, client, settings):
    settings.SERVE_MEDIA = True
    default_storage.save("images/x.jpg", ContentFile(b"x"))
    # MEDIA_URL is where the bucket is public; /media/ on Django is nothing.
    assert client.get("/media/images/x.jpg").status_code == 404
