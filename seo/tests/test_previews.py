import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from films.factories import CreditFactory, FilmFactory
from films.models import Credit, FilmTranslation
from home.models import HomePage, StandardPage
from reviews.factories import UserFilmFactory

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    """Collects <meta>, <link rel=canonical> and JSON-LD blocks of a page."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.ld, self._in_ld = {}, {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")
        elif tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
            self.links.setdefault(attrs["rel"], []).append(attrs)
        self._in_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.ld.append(json.loads(data))
            self._in_ld = False


def head_of(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def movie_of(head):
    (movie,) = [d for d in head.ld if d["@type"] == "Movie"]
    return movie


@pytest.fixture
def film():
    film = FilmFactory(
        title="Stalker", year=1979, overview="A guide leads two men.", with_poster=True
    )
    CreditFactory(film=film, role=Credit.Role.DIRECTOR, person__name="A. Tarkovsky")
    return film


def test_every_public_page_type_has_canonical_description_and_cards(client, film):
    member = UserFactory(username="anna", bio="Loves slow cinema.")
    about = StandardPage(title="About", slug="about", intro="Who we are.")
    HomePage.objects.get().add_child(instance=about)
    about.save_revision().publish()
    expected_titles = {
        "/": "FilmTracker",
        film.get_absolute_url(): "Stalker",
        reverse("accounts:profile", args=[member.username]): "anna",
        "/about/": "About",
        reverse("search:search") + "?q=stalker": None,
    }
    for url, title in expected_titles.items():
        head = head_of(client, url)
        path = url.split("?")[0]
        assert head.links["canonical"][0]["href"] == f"http://testserver{path}", url
        assert head.meta["og:url"] == f"http://testserver{path}", url
        for name in ("description", "og:description", "og:type", "og:site_name"):
            assert head.meta.get(name), (url, name)
        assert head.meta["twitter:card"] in ("summary", "summary_large_image")
        if title:
            assert head.meta["og:title"] == title, url
            assert head.meta["twitter:title"] == title, url
    assert head_of(client, "/about/").meta["description"] == "Who we are."
    profile = head_of(client, reverse("accounts:profile", args=["anna"]))
    assert profile.meta["og:type"] == "profile"
    assert profile.meta["description"] == "Loves slow cinema."
    assert head_of(client, "/search/?q=x").meta["robots"] == "noindex"


def test_film_page_previews_its_poster_in_a_1200x630_box(client, film):
    head = head_of(client, film.get_absolute_url())
    assert head.meta["og:type"] == "video.movie"
    assert head.meta["og:title"] == "Stalker"
    assert head.meta["og:description"] == "A guide leads two men."
    assert head.meta["og:image"].startswith("http://testserver/")
    assert head.meta["og:image"].endswith(".jpg")
    assert int(head.meta["og:image:width"]) <= 1200
    assert int(head.meta["og:image:height"]) <= 630
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["twitter:image"] == head.meta["og:image"]


def test_film_json_ld_matches_the_sites_numbers(client, film):
    for rating in (8, 8, 8, 3, 6):  # average 6.6 of 10, 3.3 of 5
        UserFilmFactory(film=film, rating=rating)
    UserFilmFactory(film=film, rating=None)  # a status only: no rating
    UserFilmFactory(film=film, rating=9, comment="The Zone!", user__display_name="Bo")
    html = client.get(film.get_absolute_url()).content.decode()
    shown = re.search(r'data-testid="site-average"[^>]*>([\d.]+)', html).group(1)
    movie = movie_of(head_of(client, film.get_absolute_url()))
    assert movie["@context"] == "https://schema.org"
    assert movie["name"] == "Stalker"
    assert movie["url"] == f"http://testserver{film.get_absolute_url()}"
    assert movie["datePublished"] == "1979"
    assert movie["director"] == [{"@type": "Person", "name": "A. Tarkovsky"}]
    rating = movie["aggregateRating"]
    assert rating["@type"] == "AggregateRating"
    assert str(rating["ratingValue"]) == shown == "3.5"  # (8*3+3+6+9)/6 = 7.0
    assert rating["ratingCount"] == 6
    assert (rating["bestRating"], rating["worstRating"]) == (5, 0.5)
    (review,) = movie["review"]
    assert review["author"]["name"] == "Bo"
    assert review["reviewBody"] == "The Zone!"
    assert review["reviewRating"]["ratingValue"] == 4.5


def test_half_way_averages_round_like_the_page():
    from seo.structured_data import out_of_five

    assert out_of_five(6.5) == 3.3  # round() would say 3.2
    assert out_of_five(7) == 3.5


def test_no_rating_markup_for_an_unrated_film(client, film):
    UserFilmFactory(film=film, rating=None, comment="Not seen yet, but...")
    movie = movie_of(head_of(client, film.get_absolute_url()))
    assert "aggregateRating" not in movie
    assert "reviewRating" not in movie["review"][0]


def test_json_ld_cannot_break_out_of_its_block(client, film):
    UserFilmFactory(film=film, comment="</script><script>alert(1)</script>")
    html = client.get(film.get_absolute_url()).content.decode()
    assert "</script><script>alert" not in html
    movie = movie_of(head_of(client, film.get_absolute_url()))
    assert movie["review"][0]["reviewBody"].startswith("</script>")


def test_previews_follow_the_visitors_language(client, film):
    FilmTranslation.objects.create(
        film=film, language="ru", title="Сталкер", overview="Проводник."
    )
    head = head_of(client, film.get_absolute_url(), accept_language="ru")
    assert head.meta["og:title"] == "Сталкер"
    assert head.meta["og:locale"] == "ru_RU"
    assert movie_of(head)["name"] == "Сталкер"
    home = head_of(client, "/", accept_language="ru")
    assert home.meta["description"] != head_of(client, "/").meta["description"]
