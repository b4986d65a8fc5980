from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from films.factories import FilmFactory
from films.models import FilmTranslation
from reviews.factories import UserFilmFactory
from reviews.feeds import FEED_SIZE
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db


def feed_url(film):
    return reverse("reviews:feed", args=[film.slug])


def parse(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception  # well-formed, valid RSS
    assert feed.version == "rss20"
    return feed


def test_feed_lists_the_newest_reviews_first(client):
    film = FilmFactory(title="Stalker", year=1979)
    old = UserFilmFactory(film=film, rating=7, comment="Slow <b>but</b> good.")
    new = UserFilmFactory(film=film, rating=None, comment="Must rewatch.")
    UserFilm.objects.filter(pk=old.pk).update(
        updated_at=timezone.now() - timedelta(days=2)
    )
    UserFilmFactory(film=film, rating=10, comment="")  # a rating, no review
    UserFilmFactory(comment="Another film.")
    feed = parse(client, feed_url(film))
    assert feed.feed.title == "Reviews of Stalker (1979)"
    assert feed.feed.link == f"http://testserver{film.get_absolute_url()}"
    entries = feed.entries
    assert [e.link.rsplit("#", 1)[1] for e in entries] == [
        f"review-{new.pk}",
        f"review-{old.pk}",
    ]
    assert entries[0].title == new.user.public_name
    assert entries[1].title == f"{old.user.public_name}: 3.5 of 5"
    assert entries[1].summary == "Slow <b>but</b> good."


def test_feed_keeps_only_the_newest(client):
    film = FilmFactory()
    for _ in range(FEED_SIZE + 2):
        UserFilmFactory(film=film, comment="Fine.")
    assert len(parse(client, feed_url(film)).entries) == FEED_SIZE


def test_film_page_links_its_feed(client):
    film = FilmFactory()
    html = client.get(film.get_absolute_url()).content.decode()
    assert (
        f'type="application/rss+xml" title="Reviews of {film.display_title}" '
        f'href="{feed_url(film)}"' in html
    )


def test_feed_is_cached_until_a_review_changes(client):
    film = FilmFactory()
    UserFilmFactory(film=film, comment="First.")
    client.get(feed_url(film))
    assert client.get(feed_url(film))["X-Page-Cache"] == "hit"
    UserFilmFactory(film=film, comment="Second.")
    response = client.get(feed_url(film))
    assert response["X-Page-Cache"] == "miss"
    assert "Second." in response.content.decode()


def test_feed_speaks_the_readers_language(client):
    film = FilmFactory(title="Stalker", year=1979)
    FilmTranslation.objects.create(film=film, language="ru", title="Сталкер")
    UserFilmFactory(film=film, rating=8, comment="Да.")
    feed = parse(client, feed_url(film), accept_language="ru")
    assert feed.feed.title == "Рецензии на Сталкер (1979)"
    assert feed.entries[0].title.endswith("4 из 5")


def test_unknown_film_has_no_feed(client):
    assert client.get("/films/no-such-film/reviews/rss/").status_code == 404
