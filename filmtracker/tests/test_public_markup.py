"""Public pages are ready for a strict Content-Security-Policy and accessible basics."""

import re

import pytest
from django.urls import reverse

from films.factories import FilmFactory
from reviews.factories import UserFilmFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(member):
    film = FilmFactory(title="Stalker", year=1979, with_poster=True)
    UserFilmFactory(film=film, user=member, rating=9, comment="Zone.")
    return [
        "/",
        film.get_absolute_url(),
        reverse("reviews:edit", args=[film.slug]),
        reverse("reviews:delete", args=[film.slug]),
        reverse("search:search") + "?q=stalker",
        reverse("accounts:profile", args=[member.username]),
        "/no-such-page/",
    ]


def test_no_inline_scripts_or_styles(member_client, pages):
    for url in pages:
        html = member_client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"\sstyle=", html), url
        assert "<style" not in html, url
        assert not re.search(r"\son[a-z]+=", html), url  # no inline handlers


def test_every_image_has_an_alt_and_the_page_a_main_landmark(member_client, pages):
    for url in pages:
        html = member_client.get(url).content.decode()
        for img in re.findall(r"<img\b[^>]*>", html):
            assert re.search(r'\salt="', img), (url, img)
        assert '<main id="main"' in html, url
        assert 'href="#main"' in html, url  # skip link


def test_every_form_field_has_a_label(member_client, pages):
    for url in pages:
        html = member_client.get(url).content.decode()
        for field_id in re.findall(
            r'<(?:input|select|textarea)\b(?![^>]*type="(?:hidden|submit)")[^>]*\bid="([^"]+)"',
            html,
        ):
            assert f'for="{field_id}"' in html, (url, field_id)


def test_server_error_page_renders_without_a_request(client, settings):
    from django.template.loader import get_template

    html = get_template("500.html").render()
    assert "Something went wrong" in html
    assert "/static/css/bootstrap.trimmed.min.css" in html
    assert " style=" not in html


def test_submitted_fields_are_only_marked_when_wrong(client):
    response = client.get(reverse("search:search"), {"q": "x", "year": "1"})
    html = response.content.decode()
    assert "is-valid" not in html  # no green ticks on the accepted title
    assert re.search(r'<input[^>]*class="[^"]*is-invalid[^"]*"[^>]*id="id_year"', html)
