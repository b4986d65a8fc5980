"""Film text in the visitor's language, with English as the fallback."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.search import index

from films.factories import FilmFactory
from films.models import FilmTranslation
from films.services import film_import_from_tmdb
from ops.demo import load_catalogue
from ops.demo.source import DemoCatalogue

pytestmark = pytest.mark.django_db
FILMS = "/api/v1/films/"
RU = {"HTTP_ACCEPT_LANGUAGE": "ru"}


def matrix(**translation_fields):
    film = FilmFactory(
        title="The Matrix",
        original_title="The Matrix",
        year=1999,
        overview="A hacker learns what the Matrix is.",
        tagline="Welcome to the Real World.",
    )
    if translation_fields:
        FilmTranslation.objects.create(film=film, language="ru", **translation_fields)
        index.insert_or_update_object(film)
    return film


def test_russian_visitor_sees_russian_interface_title_and_overview(client):
    film = matrix(title="Матрица", overview="Хакер узнаёт, что такое Матрица.")
    html = client.get(film.get_absolute_url(), **RU).content.decode()
    assert '<html lang="ru">' in html
    assert "Матрица" in html and "Хакер узнаёт, что такое Матрица." in html
    assert "Описание" in html  # the interface: "Overview"
    assert "A hacker learns" not in html
    # No Russian tagline: the English one shows.
    assert "Welcome to the Real World." in html


def test_english_visitor_sees_english(client):
    film = matrix(title="Матрица", overview="Хакер узнаёт, что такое Матрица.")
    html = client.get(film.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content
    html = html.decode()
    assert "The Matrix" in html and "A hacker learns" in html
    assert "Матрица" not in html


def test_missing_translation_falls_back_to_english(client):
    film = matrix()
    html = client.get(film.get_absolute_url(), **RU).content.decode()
    assert "The Matrix" in html and "A hacker learns what the Matrix is." in html
    assert "Оценок пока нет" in html  # Russian interface all the same


@pytest.mark.parametrize(
    "count, text",
    [(1, "1 оценка"), (2, "2 оценки"), (5, "5 оценок"), (21, "21 оценка")],
)
def test_russian_plural_forms(count, text):
    template = Template(
        "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} rating"
        "{% plural %}{{ counter }} ratings{% endblocktranslate %}"
    )
    with translation.override("ru"):
        assert template.render(Context({"n": count})) == text


def test_searching_the_russian_title_finds_the_film(client):
    film = matrix(title="Матрица")
    matrix_free = FilmFactory(title="Heat")
    html = client.get("/search/", {"q": "Матрица"}).content.decode()
    assert film.get_absolute_url() in html
    assert matrix_free.get_absolute_url() not in html
    # English still finds it, and Russian visitors see the Russian title.
    html = client.get("/search/", {"q": "matrix"}, **RU).content.decode()
    assert film.get_absolute_url() in html and "Матрица" in html


def test_autocomplete_knows_russian_titles(api_client):
    matrix(title="Матрица")
    body = api_client.get(f"{FILMS}autocomplete/", {"q": "Матр"}, **RU).json()
    assert [f["title"] for f in body] == ["Матрица"]
    body = api_client.get(f"{FILMS}autocomplete/", {"q": "matr"}).json()
    assert [f["title"] for f in body] == ["The Matrix"]


def test_api_honours_accept_language_with_fallback(api_client):
    film = matrix(title="Матрица", overview="Хакер узнаёт, что такое Матрица.")
    body = api_client.get(f"{FILMS}{film.pk}/", **RU).json()
    assert body["title"] == "Матрица"
    assert body["overview"] == "Хакер узнаёт, что такое Матрица."
    assert body["tagline"] == "Welcome to the Real World."  # no Russian tagline
    body = api_client.get(f"{FILMS}{film.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert (body["title"], body["overview"]) == (
        "The Matrix",
        "A hacker learns what the Matrix is.",
    )


def test_russian_list_costs_the_same_queries_whatever_the_count(api_client):
    counts = []
    for batch in (2, 8):
        for film in FilmFactory.create_batch(batch):
            FilmTranslation.objects.create(film=film, language="ru", title="Фильм")
        with CaptureQueriesContext(connection) as context:
            body = api_client.get(FILMS, **RU).json()
        counts.append(len(context.captured_queries))
        assert {f["title"] for f in body["results"]} == {"Фильм"}
    assert counts[0] == counts[1]


def test_import_stores_the_russian_translation(
    fake_tmdb, django_capture_on_commit_callbacks, api_client
):
    with django_capture_on_commit_callbacks(execute=True):
        film, _ = film_import_from_tmdb(tmdb_id=603)
    assert film.title == "The Matrix"
    russian = film.translations.get(language="ru")
    assert russian.title == "Матрица" and russian.overview
    languages = {
        r.params.get("language") for r in fake_tmdb.requests if "/movie/603" in r.path
    }
    assert languages == {"en-US", "ru-RU"}
    # Indexed with its translation once committed (the search is search/'s,
    # which films/ does not import: asked through the API).
    body = api_client.get(FILMS, {"q": "Матрица"}).json()
    assert [f["id"] for f in body["results"]] == [film.pk]


def test_import_without_russian_text_keeps_no_translation(fake_tmdb):
    film, _ = film_import_from_tmdb(tmdb_id=999001)
    assert not film.translations.exists()
    with translation.override("ru"):
        assert film.display_title == film.title


def test_demo_catalogue_brings_russian_text():
    catalogue = load_catalogue()
    item = next(i for i in catalogue["films"] if i["tmdb_id"] == 603)
    film, _ = film_import_from_tmdb(tmdb_id=603, client=DemoCatalogue(catalogue))
    russian = film.translations.get(language="ru")
    assert (russian.title, russian.overview) == (item["title_ru"], item["overview_ru"])
    with translation.override("ru"):
        assert str(film) == f"{item['title_ru']} (1999)"
