"""The journal in English and Russian through Wagtail's localisation.

Russian articles are translations of English ones (simple_translation's
"Translate" makes the same copies in the admin). Addresses carry no language:
a reader gets each article in their language when its translation is live and
public, else in English.
"""

import pytest
from wagtail.models import Locale, PageViewRestriction

from films.factories import FilmFactory
from home.models import HomePage, StandardPage

from .test_journal import write

pytestmark = pytest.mark.django_db

RU = {"accept-language": "ru"}


@pytest.fixture
def russian():
    return Locale.objects.get_or_create(language_code="ru")[0]


def translate(page, locale, *, publish=True, **fields):
    """The Russian copy of `page` (its parents translated first), published."""
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    revision = copy.save_revision()
    if publish:
        revision.publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def journal(russian):
    from journal.models import JournalIndexPage

    home = HomePage.objects.get()
    index = JournalIndexPage(title="Journal", slug="journal")
    home.add_child(instance=index)
    index.save_revision().publish()
    translate(home, russian, title="FilmTracker")
    translate(index, russian, title="Журнал")
    return index


def html(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return response.content.decode()


def test_russian_article_on_the_russian_site(client, journal, russian):
    article = write(journal, title="Zone")
    translate(article, russian, title="Зона", intro="О Зоне.")
    russian_page = html(client, article.url, **RU)
    assert "<h1>Зона</h1>" in russian_page
    assert '<html lang="ru">' in russian_page
    assert '<meta property="og:locale" content="ru_RU">' in russian_page
    assert '"headline": "Зона"' in russian_page  # schema.org/Article
    english_page = html(client, article.url)
    assert "<h1>Zone</h1>" in english_page and "Зона" not in english_page


def test_index_lists_each_article_once_in_the_readers_language(
    client, journal, russian
):
    translated = write(journal, title="Zone")
    translate(translated, russian, title="Зона")
    write(journal, title="Mirror")  # not translated yet: English for everyone
    russian_index = html(client, journal.url, **RU)
    assert "<h1>Журнал</h1>" in russian_index
    assert "Зона" in russian_index and "Mirror" in russian_index
    assert ">Zone<" not in russian_index
    english_index = html(client, journal.url)
    assert "Zone" in english_index and "Mirror" in english_index
    assert "Зона" not in english_index


def test_an_untranslated_article_is_at_its_address_in_russian(client, journal):
    article = write(journal, title="Mirror")
    assert "<h1>Mirror</h1>" in html(client, article.url, **RU)


def test_an_untranslated_page_is_at_its_address_in_russian(client, journal):
    about = StandardPage(title="About", slug="about")
    HomePage.objects.get(locale__language_code="en").add_child(instance=about)
    about.save_revision().publish()
    assert "<h1>About</h1>" in html(client, "/about/", **RU)
    assert client.get("/no-such-page/", headers=RU).status_code == 404


def test_a_draft_translation_leaves_the_english_article(client, journal, russian):
    article = write(journal, title="Zone")
    translate(article, russian, title="Зона", publish=False)
    page = html(client, article.url, **RU)
    assert "<h1>Zone</h1>" in page and "Зона" not in page
    assert "Зона" not in html(client, journal.url, **RU)
    assert "Зона" not in html(client, "/journal/rss/", **RU)


def test_a_private_translation_is_never_shown(client, journal, russian):
    article = write(journal, title="Zone")
    secret = translate(article, russian, title="Зона")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert "Зона" not in client.get(article.url, headers=RU).content.decode()
    index = html(client, journal.url, **RU)
    assert "Зона" not in index and "Zone" in index
    assert "Зона" not in html(client, "/journal/rss/", **RU)


def test_a_private_translation_reached_from_the_english_tree(client, journal):
    # No Russian home page: Wagtail routes through the English tree and the
    # page serves its translation itself, which must not skip the password.
    article = write(journal, title="Zone")
    russian = Locale.objects.get(language_code="ru")
    secret = translate(article, russian, title="Зона")
    HomePage.objects.get(locale=russian).unpublish()
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    page = html(client, article.url, **RU)
    assert "<h1>Zone</h1>" in page and "Зона" not in page


def test_feed_in_the_readers_language(client, journal, russian):
    import feedparser

    article = write(journal, title="Zone")
    translate(article, russian, title="Зона", intro="О Зоне.")
    write(journal, title="Mirror")
    feed = feedparser.parse(client.get("/journal/rss/", headers=RU).content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Журнал FilmTracker"
    assert sorted(entry.title for entry in feed.entries) == ["Mirror", "Зона"]
    english = feedparser.parse(client.get("/journal/rss/").content)
    assert sorted(entry.title for entry in english.entries) == ["Mirror", "Zone"]


def test_in_the_journal_shows_the_translation_once(client, journal, russian):
    film = FilmFactory()
    article = write(journal, title="Zone", body=[("film", {"film": film})])
    translate(article, russian, title="Зона")
    russian_page = html(client, film.get_absolute_url(), **RU)
    assert "В журнале" in russian_page
    assert russian_page.count("Зона") == 1 and ">Zone<" not in russian_page
    english_page = html(client, film.get_absolute_url())
    assert english_page.count(">Zone<") == 1 and "Зона" not in english_page
