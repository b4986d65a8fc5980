"""Drafts, scheduled and private articles never show anywhere public.

Each kind is checked everywhere an article could surface: its own address,
the journal, the feed, the sitemap, the film page's "In the journal" and the
site search; in English and in Russian (a hidden translation too).
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from films.factories import FilmFactory
from home.models import HomePage
from journal.models import ArticlePage, JournalIndexPage

from .test_journal import write
from .test_journal_languages import translate

pytestmark = pytest.mark.django_db

LANGUAGES = [{}, {"accept-language": "ru"}]


@pytest.fixture
def film():
    return FilmFactory(title="Stalker")


@pytest.fixture
def journal():
    index = JournalIndexPage(title="Journal", slug="journal")
    HomePage.objects.get().add_child(instance=index)
    index.save_revision().publish()
    return index


def private(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return page


def draft(journal, body):
    return write(journal, title="Hidden draft", body=body, publish=False)


def scheduled(journal, body):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    return write(journal, title="Hidden scheduled", body=body, go_live_at=tomorrow)


def private_article(journal, body):
    return private(write(journal, title="Hidden private", body=body))


def in_private_journal(journal, body):
    private(journal)
    return write(journal, title="Hidden below", body=body)


def unpublished(journal, body):
    article = write(journal, title="Hidden unpublished", body=body)
    article.refresh_from_db()
    article.unpublish()
    return article


HIDDEN = [draft, scheduled, private_article, in_private_journal, unpublished]


def everywhere(client, journal, film, headers):
    """What a visitor can see of the journal, as one text."""
    urls = [
        journal.url,
        "/journal/rss/",
        "/sitemap-pages.xml",
        film.get_absolute_url(),
        "/search/?q=hidden",
        "/search/?q=stalker",
    ]
    return "\n".join(client.get(url, headers=headers).content.decode() for url in urls)


@pytest.mark.parametrize("hide", HIDDEN, ids=lambda f: f.__name__)
def test_hidden_articles_show_nowhere(client, journal, film, hide):
    body = [("film", {"film": film})]
    write(journal, title="Shown", body=body)
    article = hide(journal, body)
    article.refresh_from_db()
    assert article.live is False or article.get_view_restrictions().exists()
    for headers in LANGUAGES:
        seen = everywhere(client, journal, film, headers)
        assert "Hidden" not in seen and f"/{article.slug}/" not in seen, headers
        response = client.get(f"/journal/{article.slug}/", headers=headers)
        assert "Hidden" not in response.content.decode()
        assert response.status_code in (200, 404)  # 200: the password form
    if hide is not in_private_journal:
        seen = everywhere(client, journal, film, {})
        assert "Shown" in seen  # the checks can see a public article


@pytest.mark.parametrize("hide", ["draft", "scheduled", "private"])
def test_hidden_translations_show_nowhere(client, journal, film, hide):
    russian = Locale.objects.get_or_create(language_code="ru")[0]
    translate(HomePage.objects.get(), russian)
    article = write(journal, title="Shown", body=[("film", {"film": film})])
    if hide == "private":
        private(translate(article, russian, title="Hidden private"))
    else:
        later = timezone.now() + datetime.timedelta(days=1)
        fields = {"go_live_at": later} if hide == "scheduled" else {}
        translate(
            article, russian, title=f"Hidden {hide}", publish=hide != "draft", **fields
        )
    headers = {"accept-language": "ru"}
    seen = everywhere(client, journal, film, headers)
    assert "Hidden" not in seen
    assert "Shown" in seen  # the English article stands in for it
    assert "Hidden" not in client.get(article.url, headers=headers).content.decode()


def test_a_scheduled_article_shows_once_its_time_comes(client, journal, film):
    from django.core.management import call_command
    from wagtail.models import Revision

    article = scheduled(journal, [("film", {"film": film})])
    assert "Hidden scheduled" not in everywhere(client, journal, film, {})  # cached
    # Its time comes: as if the clock had moved on past go_live_at.
    past = timezone.now() - datetime.timedelta(minutes=1)
    for revision in Revision.objects.filter(object_id=str(article.pk)):
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save()
    ArticlePage.objects.filter(pk=article.pk).update(go_live_at=past)
    call_command("publish_scheduled")
    seen = everywhere(client, journal, film, {})
    for place in (journal.url, "/journal/rss/", film.get_absolute_url()):
        shown = client.get(place).content.decode()
        assert "Hidden scheduled" in shown, place
    assert f"/journal/{article.slug}/" in seen


def test_the_journal_feed_is_cached_until_an_editor_publishes(client, journal):
    write(journal, title="First")
    client.get("/journal/rss/")
    assert client.get("/journal/rss/")["X-Page-Cache"] == "hit"
    write(journal, title="Second")
    response = client.get("/journal/rss/")
    assert response["X-Page-Cache"] == "miss"
    assert "Second" in response.content.decode()
