"""Bad input gets a clear error and loses nothing; markup from members is text.

Through the site's forms, the API and the Wagtail admin alike.
"""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from films.factories import FilmFactory
from reviews.factories import UserFilmFactory
from reviews.models import COMMENT_MAX_LENGTH, UserFilm

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
XSS_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
HUGE_COMMENT = "x" * 100_000


@pytest.fixture
def review(member):
    return UserFilmFactory(user=member, rating=6, comment="Kept as it was.")


def rating_form(film):
    return reverse("reviews:edit", args=[film.slug])


def assert_review_unchanged(review):
    fresh = UserFilm.objects.get(pk=review.pk)
    assert (fresh.rating, fresh.comment) == (6, "Kept as it was.")


# --- ratings, comments and dates -----------------------------------------------


@pytest.mark.parametrize("rating", [0, 11, -1, 1000, "abc", 5.5, "", [], {}, True])
def test_api_refuses_ratings_that_are_not_1_to_10(
    make_api_client, member, review, rating
):
    response = make_api_client(member).patch(
        f"/api/v1/reviews/{review.pk}/", {"rating": rating}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["rating"]
    assert_review_unchanged(review)


@pytest.mark.parametrize("stars", ["0", "6", "5.5", "0.25", "abc", "1e1", "NaN", "-1"])
def test_site_refuses_ratings_that_are_not_half_stars_to_five(
    member_client, review, stars
):
    response = member_client.post(
        rating_form(review.film), {"rating": stars, "status": "watched"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["rating"]
    assert_review_unchanged(review)


def test_api_refuses_a_100000_character_comment_and_says_the_limit(
    make_api_client, member, review
):
    response = make_api_client(member).patch(
        f"/api/v1/reviews/{review.pk}/", {"comment": HUGE_COMMENT}, format="json"
    )
    assert response.status_code == 400
    [message] = response.json()["errors"]["comment"]
    assert str(COMMENT_MAX_LENGTH) in message
    assert_review_unchanged(review)


def test_site_refuses_a_100000_character_comment_and_says_the_limit(
    member_client, review
):
    response = member_client.post(
        rating_form(review.film),
        {"rating": "4", "status": "watched", "comment": HUGE_COMMENT},
    )
    assert response.status_code == 400
    [message] = response.context["form"].errors["comment"]
    assert f"{COMMENT_MAX_LENGTH:,}" in message or str(COMMENT_MAX_LENGTH) in message
    assert_review_unchanged(review)


@pytest.mark.parametrize(
    "date", ["2024-02-30", "yesterday", "31/12/2020", "2999-01-01"]
)
def test_invalid_or_future_watch_dates_are_refused(
    make_api_client, member_client, member, review, date
):
    api = make_api_client(member).patch(
        f"/api/v1/reviews/{review.pk}/", {"watched_on": date}, format="json"
    )
    assert api.status_code == 400
    assert list(api.json()["errors"]) == ["watched_on"]
    site = member_client.post(
        rating_form(review.film),
        {"rating": "4", "status": "watched", "watched_on": date},
    )
    assert site.status_code == 400
    assert site.context["form"].errors["watched_on"]
    assert_review_unchanged(review)


def test_nul_bytes_are_refused_not_a_database_error(make_api_client, member, review):
    # PostgreSQL cannot store NUL in text; this must be a 400 on both databases.
    client = make_api_client(member)
    response = client.patch(
        f"/api/v1/reviews/{review.pk}/", {"comment": "a\x00b"}, format="json"
    )
    assert response.status_code == 400
    response = client.patch("/api/v1/users/me/", {"bio": "\x00"}, format="json")
    assert response.status_code == 400
    assert client.get("/api/v1/films/", {"q": "\x00"}).status_code == 400
    assert_review_unchanged(review)


# --- unknown objects -----------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/films/no-such-film/",
        "/films/no-such-film/rating/",
        "/users/nobody-here/",
        "/api/v1/films/999999/",
        "/api/v1/films/999999/reviews/",
        "/api/v1/reviews/999999/",
        "/api/v1/users/nobody-here/",
        "/api/v1/users/nobody-here/films/",
    ],
)
def test_unknown_slugs_ids_and_names_are_404s(member_client, url):
    assert member_client.get(url).status_code == 404


# --- markup from members is shown as text --------------------------------------


@pytest.fixture
def hostile(member):
    member.display_name = XSS[:60]
    member.bio = XSS
    member.save()
    return UserFilmFactory(user=member, comment=XSS)


def assert_escaped(html):
    assert "<script>alert" not in html
    assert "<img src=x onerror" not in html
    assert "&lt;script&gt;alert" in html


def test_markup_in_reviews_and_names_is_escaped_on_site_pages(client, hostile):
    assert_escaped(client.get(hostile.film.get_absolute_url()).content.decode())
    assert_escaped(client.get(f"/users/{hostile.user.username}/").content.decode())


def test_markup_is_escaped_in_the_browsable_api(client, hostile):
    for url in ("/api/v1/reviews/", f"/api/v1/users/{hostile.user.username}/"):
        response = client.get(url, HTTP_ACCEPT="text/html")
        assert response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert" in html


def test_markup_in_data_never_reaches_the_api_docs(client, hostile):
    # The docs show the schema and its examples only, never members' data.
    for url in ("/api/docs/", "/api/redoc/"):
        html = client.get(url).content.decode()
        assert "alert(" not in html


def test_markup_is_escaped_in_the_admin_listings(editor_client, hostile):
    for url in (
        reverse("reviews_userfilm_modeladmin_index"),
        reverse("reviews_userfilm_modeladmin_inspect", args=[hostile.pk]),
    ):
        html = editor_client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "<img src=x onerror" not in html


def test_markup_in_a_film_title_is_escaped_in_the_admin_and_site(editor_client, db):
    film = FilmFactory(title=XSS[:200])
    for url in (
        reverse("wagtailsnippets_films_film:list"),
        film.get_absolute_url(),
    ):
        html = editor_client.get(url).content.decode()
        assert "<script>alert" not in html


# --- poster uploads in the admin ------------------------------------------------

ADD_IMAGE = "wagtailimages:add"


def png(size=(2, 2), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


# The smallest GIF: 1×1 pixel, 43 bytes.
GIF_1PX = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04"
    b"\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
MARKUP = b"<html><script>alert(1)</script></html>"


def upload(editor_client, name, content):
    return editor_client.post(
        reverse(ADD_IMAGE),
        {"title": "Poster", "file": SimpleUploadedFile(name, content)},
    )


def file_errors(response):
    assert response.status_code == 200  # the form again, with its errors
    return " ".join(response.context["form"].errors.get("file", []))


def test_a_small_poster_uploads(editor_client):
    response = upload(editor_client, "poster.png", png())
    assert response.status_code == 302
    assert get_image_model().objects.count() == 1


def test_an_oversized_poster_is_refused_with_the_limit(editor_client):
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    # A valid PNG padded past the limit (decoders ignore trailing bytes).
    content = png() + b"\0" * limit
    errors = file_errors(upload(editor_client, "big.png", content))
    assert "too big" in errors
    assert "10.0" in errors  # the limit, 10.0 MB, is said
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("poster.png", b"this is not an image at all"),
        ("poster.png", b"%PDF-1.4 a pdf renamed"),
        ("poster.exe", png()),
        ("poster.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"),
        # A GIF's first bytes, then markup: recognised as GIF, unreadable.
        ("poster.gif", GIF_1PX[:37] + MARKUP),
        ("poster.gif", GIF_1PX[:13] + MARKUP),
        ("poster.gif", b"GIF89a" + MARKUP),
    ],
)
def test_non_images_are_refused(editor_client, name, content):
    assert file_errors(upload(editor_client, name, content))
    assert get_image_model().objects.count() == 0


def test_a_decompression_bomb_is_refused_before_it_is_decoded(editor_client):
    # 8,000 × 6,000 = 48 million pixels, over the 40 million allowed, in a
    # file of a few kilobytes (one bit per pixel, all black).
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    content = png(size=(8000, 6000), mode="1")
    assert len(content) < 100_000
    errors = file_errors(upload(editor_client, "bomb.png", content))
    assert "too many pixels" in errors
    assert get_image_model().objects.count() == 0
