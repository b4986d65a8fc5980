"""/users/<username>/diary/rss/: a member's newest viewings as RSS 2.0."""

import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.factories import UserFactory
from films.factories import FilmFactory
from films.models import Film, FilmTranslation
from reviews.diary_feed import FEED_SIZE
from reviews.viewing_services import viewing_delete, viewing_log

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 3, 9)


def log(**kwargs):
    viewing, _created = viewing_log(**kwargs)
    return viewing


def feed_url(member):
    return reverse("accounts:diary_feed", args=[member.username])


def parse(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception  # well-formed, valid RSS
    assert feed.version == "rss20"
    return feed


def test_feed_lists_viewings_newest_watched_first(client, member):
    film = FilmFactory(title="Solaris", year=1972)
    first = log(user=member, film=film, watched_on=datetime.date(2023, 5, 2), rating=8)
    again = log(user=member, film=film, watched_on=DAY, note="Better now.")
    viewing_log(user=UserFactory(), film=film, watched_on=DAY)  # someone else's
    feed = parse(client, feed_url(member))
    assert feed.feed.title == f"{member.public_name}'s diary"
    assert feed.feed.link == f"http://testserver/users/{member.username}/diary/"
    assert [entry.title for entry in feed.entries] == [
        "Solaris (1972) (rewatch)",
        "Solaris (1972): 4 of 5",
    ]
    assert feed.entries[0].summary == "Watched on March 9, 2024. Better now."
    assert feed.entries[0].link == f"http://testserver{film.get_absolute_url()}"
    # The same film twice: each viewing keeps an id of its own.
    assert [entry.id.rsplit("#", 1)[1] for entry in feed.entries] == [
        f"viewing-{again.pk}",
        f"viewing-{first.pk}",
    ]


def test_feed_keeps_only_the_newest(client, member):
    film = FilmFactory()
    for day in range(FEED_SIZE + 2):
        viewing_log(user=member, film=film, watched_on=DAY - datetime.timedelta(day))
    entries = parse(client, feed_url(member)).entries
    assert len(entries) == FEED_SIZE
    assert "(rewatch)" in entries[0].title  # the newest, not the first


def test_feed_costs_the_same_queries_for_more_viewings(client, member):
    def cost():
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as context:
            parse(client, feed_url(member))
        return len(context)

    viewing_log(user=member, film=FilmFactory(), watched_on=DAY)
    before = cost()
    for _ in range(5):
        viewing_log(user=member, film=FilmFactory(), watched_on=DAY, rating=6)
    assert cost() == before


def test_diary_page_links_its_feed(client, member):
    html = client.get(reverse("accounts:diary", args=[member.username])).content
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="'
        f"{member.public_name}'s diary\" "
        f'href="{feed_url(member)}">' in html.decode()
    )


def test_feed_is_cached_until_the_members_viewings_change(client, member):
    film = FilmFactory(title="Solaris")
    viewing = log(user=member, film=film, watched_on=DAY)
    client.get(feed_url(member))
    assert client.get(feed_url(member))["X-Page-Cache"] == "hit"

    viewing_log(user=member, film=FilmFactory(title="Mirror"), watched_on=DAY)
    response = client.get(feed_url(member))
    assert response["X-Page-Cache"] == "miss"
    assert "Mirror" in response.content.decode()

    viewing_delete(user=member, viewing_id=viewing.pk)
    assert client.get(feed_url(member))["X-Page-Cache"] == "miss"
    assert "Solaris" not in client.get(feed_url(member)).content.decode()


def test_another_members_viewing_leaves_the_cache_alone(client, member):
    viewing_log(user=member, film=FilmFactory(), watched_on=DAY)
    client.get(feed_url(member))
    viewing_log(user=UserFactory(), film=FilmFactory(), watched_on=DAY)
    assert client.get(feed_url(member))["X-Page-Cache"] == "hit"


def test_a_new_name_or_film_title_refreshes_the_feed(client, member):
    film = FilmFactory(title="Solaris")
    viewing_log(user=member, film=film, watched_on=DAY)
    client.get(feed_url(member))
    member.display_name = "Kris"
    member.save()
    assert parse(client, feed_url(member)).feed.title == "Kris's diary"
    film = Film.objects.get(pk=film.pk)
    film.title = "Solyaris"
    film.save()
    assert "Solyaris" in parse(client, feed_url(member)).entries[0].title


def test_a_member_who_left_has_no_feed(client, member):
    viewing_log(user=member, film=FilmFactory(), watched_on=DAY)
    assert client.get(feed_url(member)).status_code == 200  # cached now
    member.is_active = False
    member.save()
    assert client.get(feed_url(member)).status_code == 404
    assert client.get("/users/nobody-here/diary/rss/").status_code == 404


def test_feed_speaks_the_readers_language(client, member):
    film = FilmFactory(title="Stalker", year=1979)
    FilmTranslation.objects.create(film=film, language="ru", title="Сталкер")
    viewing_log(user=member, film=film, watched_on=DAY, rating=8)
    feed = parse(client, feed_url(member), accept_language="ru")
    assert feed.feed.title == f"Дневник: {member.public_name}"
    assert feed.entries[0].title == "Сталкер (1979): 4 из 5"
    assert feed.entries[0].summary.startswith("Дата просмотра: 9 марта 2024")
