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
from journal.models import JournalIndexPage

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
