"""The pages a newcomer meets, at a phone's and a laptop's size, in both languages.

Each page is photographed into E2E_ARTIFACTS_DIR/tour/ (CI keeps them), must
make no request to another host, and in Russian must show no English beyond
the film data TMDB has no Russian for (names of people, untranslated titles)
and what members wrote.
"""

import json
import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from selenium.webdriver.common.by import By

from accounts.factories import EditorFactory, UserFactory
from films.factories import FilmFactory, GenreFactory
from films.models import FilmTranslation, GenreTranslation, Person
from ops.demo.pages import demo_pages_upsert
from reviews.factories import UserFilmFactory

from .conftest import ARTIFACTS_DIR
from .pages import sign_in, visit

# serialized_rollback, as in every browser story: another transactional test
# may have run first, and the flush after it takes the page tree and content
# types that migrations create.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIZES = {"phone": (390, 844), "desktop": (1366, 900)}
# Names, not words: they stay as they are in Russian.
NOT_ENGLISH = {"FilmTracker", "TMDB", "API", "IMDb", "ReDoc", "Swagger", "Wagtail"}
LATIN_WORD = re.compile(r"\b[A-Za-z][A-Za-z'’]+\b")


@pytest.fixture
def site_data():
    drama = GenreFactory(name="Drama", slug="drama")
    GenreTranslation.objects.create(genre=drama, language="ru", name="драма")
    film = FilmFactory(
        title="Stalker",
        original_title="Сталкер",
        year=1979,
        overview="A guide leads two men into the Zone.",
        tagline="",
        tmdb_vote_average=8.1,
        tmdb_vote_count=16000,
        with_poster=True,
    )
    film.genres.set([drama])
    FilmTranslation.objects.create(
        film=film, language="ru", title="Сталкер", overview="Проводник ведёт в Зону."
    )
    Person.objects.create(name="Andrei Tarkovsky")
    member = UserFactory(username="anna", display_name="Anna")
    UserFilmFactory(user=member, film=film, rating=9, comment="One of my favourites.")
    editor = EditorFactory()
    EmailAddress.objects.get_or_create(
        user=editor, email=editor.email, defaults={"verified": True, "primary": True}
    )
    # The editors' pages as the demo makes them, in English and Russian.
    demo_pages_upsert([film])
    return {"film": film, "member": member, "editor": editor}


def _pages(data):
    film = data["film"]
    return [
        ("home", "/"),
        ("search", "/search/?q=stalker"),
        ("film", film.get_absolute_url()),
        ("profile", f"/users/{data['member'].username}/"),
        ("signup", "/accounts/signup/"),
    ]


def _requests_elsewhere(browser):
    own = urlsplit(browser.live_server_url).netloc
    elsewhere = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") != "Network.requestWillBeSent":
            continue
        url = message["params"]["request"]["url"]
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != own:
            elsewhere.append(url)
    return elsewhere


def _english_left(browser, data):
    """Latin words on the page that are neither film data nor members' text."""
    text = browser.find_element(By.TAG_NAME, "body").text
    allowed = [
        *NOT_ENGLISH,
        data["film"].title,
        *Person.objects.values_list("name", flat=True),
        *(u.username for u in (data["member"], data["editor"])),
        "Anna",
        "One of my favourites.",
        data["editor"].email,
        "English",  # the language switch names each language in itself
    ]
    for value in sorted(allowed, key=len, reverse=True):
        text = text.replace(value, " ")
    return sorted(set(LATIN_WORD.findall(text)))


def _photograph(browser, name):
    folder = ARTIFACTS_DIR / "tour"
    folder.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(folder / f"{name}.png"))


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("size", SIZES)
def test_tour(browser, site_data, size, language):
    browser.set_window_size(*SIZES[size])
    browser.get(browser.live_server_url + "/healthz")
    browser.add_cookie({"name": settings.LANGUAGE_COOKIE_NAME, "value": language})
    problems = {}
    pages = _pages(site_data)
    for name, path in pages:
        visit(browser, path)
        _photograph(browser, f"{language}-{size}-{name}")
        _check(browser, site_data, language, name, problems)
    sign_in(browser, site_data["editor"])
    browser.add_cookie({"name": settings.LANGUAGE_COOKIE_NAME, "value": language})
    browser.get(browser.live_server_url + "/admin/snippets/films/film/")
    _photograph(browser, f"{language}-{size}-admin-films")
    _check(browser, site_data, language, "admin-films", problems)
    assert problems == {}


def _check(browser, data, language, name, problems):
    assert browser.execute_script("return document.readyState") == "complete"
    elsewhere = _requests_elsewhere(browser)
    if elsewhere:
        problems[f"{name}: requests to other hosts"] = elsewhere
    if language == "ru":
        english = _english_left(browser, data)
        if english:
            problems[f"{name}: English in Russian"] = english
