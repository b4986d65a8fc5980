import datetime
import json
import re

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from films.factories import FilmFactory
from home.models import HomePage
from journal.models import ArticlePage, JournalIndexPage
from reviews.factories import UserFilmFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def journal():
    index = JournalIndexPage(title="Journal", slug="journal")
    HomePage.objects.get().add_child(instance=index)
    index.save_revision().publish()
    return index


def write(journal, *, title, body=(), publish=True, **fields):
    article = ArticlePage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        intro=f"About {title}.",
        author="Editor",
        date=datetime.date(2026, 11, 1),
        body=list(body),
        live=False,
        **fields,
    )
    journal.add_child(instance=article)
    revision = article.save_revision()
    if publish:
        revision.publish()
    return article


def test_article_shows_its_film_and_live_ratings_blocks(client, journal):
    film = FilmFactory(title="Stalker", year=1979)
    UserFilmFactory(film=film, rating=8)
    article = write(
        journal,
        title="Zone",
        body=[
            ("paragraph", "<p>Why it lasts.</p>"),
            ("quote", {"text": "Let them laugh.", "source": "Writer"}),
            ("film", {"film": film}),
            ("ratings", {"film": film}),
        ],
    )
    html = client.get(article.url).content.decode()
    assert "Why it lasts." in html and "Let them laugh." in html
    assert film.get_absolute_url() in html
    assert re.search(r'data-testid="block-average">4.0<', html)
    UserFilmFactory(film=film, rating=10)  # live: the next view shows 4.5
    html = client.get(article.url).content.decode()
    assert re.search(r'data-testid="block-average">4.5<', html)


def test_article_carries_article_json_ld_and_og_tags(client, journal):
    article = write(journal, title="Zone")
    html = client.get(article.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html)
    data = json.loads(block.group(1))
    assert data["@type"] == "Article"
    assert data["headline"] == "Zone"
    assert data["author"] == {"@type": "Person", "name": "Editor"}
    assert data["datePublished"] == "2026-11-01"
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:description" content="About Zone.">' in html


def test_film_page_lists_public_articles_featuring_it(client, journal):
    film = FilmFactory()
    other = FilmFactory()
    url = film.get_absolute_url()
    assert "In the journal" not in client.get(url).content.decode()  # cached now
    write(journal, title="Featured", body=[("film", {"film": film})])
    write(journal, title="Rated", body=[("ratings", {"film": film})])
    write(journal, title="Draft one", body=[("film", {"film": film})], publish=False)
    secret = write(journal, title="Secret", body=[("film", {"film": film})])
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    write(journal, title="Elsewhere", body=[("film", {"film": other})])
    html = client.get(url).content.decode()
    assert "In the journal" in html
    assert "Featured" in html and "Rated" in html
    for hidden in ("Draft one", "Secret", "Elsewhere"):
        assert hidden not in html


def test_film_page_in_russian_names_the_section(client, journal):
    film = FilmFactory()
    write(journal, title="Featured", body=[("film", {"film": film})])
    html = client.get(film.get_absolute_url(), headers={"accept-language": "ru"})
    assert "В журнале" in html.content.decode()


def test_journal_feed_lists_only_public_articles(client, journal):
    write(journal, title="Public")
    write(journal, title="Draft", publish=False)
    response = client.get("/journal/rss/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == ["Public"]
    assert feed.entries[0].summary == "About Public."


def test_index_lists_public_articles_and_links_its_feed(client, journal):
    write(journal, title="Public")
    write(journal, title="Draft", publish=False)
    html = client.get(journal.url).content.decode()
    assert "Public" in html and "Draft" not in html
    assert 'type="application/rss+xml"' in html and 'href="/journal/rss/"' in html
