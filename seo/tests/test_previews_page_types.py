"""Link previews on every public page type, in English and in Russian.

Home, film, search, profile, diary, journal, article and a standard page
(About): each has a canonical address, a description, Open Graph and Twitter
card tags in the reader's language, and the schema.org data of its kind
(Movie on film pages, Article on articles, none elsewhere).
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from accounts.factories import UserFactory
from films.factories import FilmFactory
from films.models import FilmTranslation
from home.models import HomePage, StandardPage
from journal.models import JournalIndexPage
from journal.tests.test_journal import write
from journal.tests.test_journal_languages import translate
from reviews.factories import UserFilmFactory

from .test_previews import head_of

pytestmark = pytest.mark.django_db

LOCALE = {"en": "en_US", "ru": "ru_RU"}


@pytest.fixture
def site():
    """Every page type, with Russian translations of the editors' pages."""
    russian = Locale.objects.get_or_create(language_code="ru")[0]
    home = HomePage.objects.get()
    film = FilmFactory(title="Stalker", year=1979, overview="A guide.")
    FilmTranslation.objects.create(
        film=film, language="ru", title="Сталкер", overview="Проводник."
    )
    UserFilmFactory(film=film, rating=8, comment="The Zone!")
    member = UserFactory(username="anna", display_name="Anna")
    about = StandardPage(title="About", slug="about", intro="Who we are.")
    home.add_child(instance=about)
    about.save_revision().publish()
    journal = JournalIndexPage(title="Journal", slug="journal")
    home.add_child(instance=journal)
    journal.save_revision().publish()
    article = write(journal, title="Zone", body=[("film", {"film": film})])
    translate(home, russian, title="FilmTracker")
    translate(about, russian, title="О сайте", intro="Кто мы.")
    translate(journal, russian, title="Журнал")
    translate(article, russian, title="Зона", intro="О Зоне.")
    return {
        "home": ("/", {"en": "FilmTracker", "ru": "FilmTracker"}),
        "film": (film.get_absolute_url(), {"en": "Stalker", "ru": "Сталкер"}),
        "search": (reverse("search:search") + "?q=stalker", None),
        "profile": (reverse("accounts:profile", args=[member.username]), None),
        "diary": (
            reverse("accounts:diary", args=[member.username]),
            {"en": "Anna's diary", "ru": "Дневник: Anna"},
        ),
        "journal": (journal.url, {"en": "Journal", "ru": "Журнал"}),
        "article": (article.url, {"en": "Zone", "ru": "Зона"}),
        "about": ("/about/", {"en": "About", "ru": "О сайте"}),
    }


SCHEMA = {"film": ["Movie"], "article": ["Article"]}


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_public_page_type_previews_in_the_readers_language(
    client, site, language
):
    for kind, (url, titles) in site.items():
        head = head_of(client, url, accept_language=language)
        path = url.split("?")[0]
        assert head.links["canonical"][0]["href"] == f"http://testserver{path}", kind
        assert head.meta["og:url"] == f"http://testserver{path}", kind
        for name in ("description", "og:description", "og:site_name", "og:type"):
            assert head.meta.get(name), (kind, name)
        assert head.meta["og:description"] == head.meta["description"], kind
        assert head.meta["og:locale"] == LOCALE[language], kind
        assert head.meta["twitter:card"] in ("summary", "summary_large_image")
        assert head.meta["twitter:title"] == head.meta["og:title"], kind
        if titles:
            assert head.meta["og:title"] == titles[language], kind
        assert [data["@type"] for data in head.ld] == SCHEMA.get(kind, []), kind


def test_descriptions_follow_the_language(client, site):
    for kind in ("film", "article", "about"):
        url = site[kind][0]
        english = head_of(client, url).meta["description"]
        russian = head_of(client, url, accept_language="ru").meta["description"]
        assert english != russian, kind
    article = head_of(client, site["article"][0], accept_language="ru")
    assert article.meta["description"] == "О Зоне."
    assert article.meta["og:type"] == "article"
    (data,) = article.ld
    assert data["headline"] == "Зона" and data["description"] == "О Зоне."


def test_pages_with_a_feed_name_it(client, site):
    feeds = {
        "film": "/reviews/rss/",
        "diary": "/users/anna/diary/rss/",
        "journal": "/journal/rss/",
    }
    for kind, ending in feeds.items():
        for language in ("en", "ru"):
            head = head_of(client, site[kind][0], accept_language=language)
            (feed,) = head.links["alternate"]
            assert feed["type"] == "application/rss+xml", kind
            assert feed["href"].endswith(ending), kind
            assert feed["title"], kind
