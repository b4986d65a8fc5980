import random

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page

from accounts.models import User
from films.models import Credit, Film, Genre, Person
from home.models import HomePage, StandardPage
from ops.demo import load_catalogue
from ops.demo.reviews import REVIEW_TEXTS, review_text
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db

COUNTED = [Film, Genre, Person, Credit, User, UserFilm, Page, get_image_model()]


def row_counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_bundled_catalogue_has_at_least_60_real_films_with_ids():
    films = load_catalogue()["films"]
    assert len(films) >= 60
    assert len({f["tmdb_id"] for f in films}) == len(films)
    assert all(f["imdb_id"].startswith("tt") for f in films)
    assert all(f["title"] and f["overview"] and f["genres"] for f in films)


def test_seed_demo_twice_leaves_the_same_rows():
    call_command("seed_demo", verbosity=0)
    first = row_counts()
    first_titles = set(Film.objects.values_list("title", "year", "poster_id"))
    call_command("seed_demo", verbosity=0)
    assert row_counts() == first
    assert set(Film.objects.values_list("title", "year", "poster_id")) == first_titles
    assert first["Film"] >= 60
    assert first["UserFilm"] > 0
    assert Film.objects.filter(poster__isnull=True).count() == 0


def test_seed_demo_builds_the_page_tree_with_featured_films(client):
    call_command("seed_demo", verbosity=0)
    home = HomePage.objects.get(locale__language_code="en")
    assert StandardPage.objects.child_of(home).filter(slug="about").exists()
    featured = [b for b in home.body if b.block_type == "featured_films"]
    assert len(featured[0].value["films"]) == 6
    response = client.get("/")
    assert response.status_code == 200
    assert featured[0].value["films"][0].title in response.content.decode()
    assert client.get("/about/").status_code == 200


def test_demo_reviews_agree_with_their_stars_and_differ_between_members():
    call_command("seed_demo", verbosity=0)
    bands = {
        text: band
        for language in REVIEW_TEXTS.values()
        for band, texts in language.items()
        for text in texts
    }
    reviews = UserFilm.objects.exclude(comment="")
    assert reviews.count() > 30
    for review in reviews:
        low, high = bands[review.comment]
        assert low <= review.rating <= high, (review.rating, review.comment)
    pairs = list(reviews.values_list("film_id", "comment"))
    assert len(pairs) == len(set(pairs)), "two members wrote the same text"
    assert len({comment for _film, comment in pairs}) >= 15  # of 26 texts
    # Demo films are written by the import service, translations included.
    matrix = Film.objects.get(tmdb_id=603)
    assert matrix.translations.get(language="ru").title == "Матрица"
    assert UserFilm.objects.filter(status=UserFilm.Status.WANT).exists()


def test_review_text_refuses_a_rating_out_of_range():
    with pytest.raises(ValueError, match="outside 1-10"):
        review_text(rating=11, language="en", taken=set(), rng=random.Random(1))


def test_editors_pages_come_in_both_languages_at_the_same_address(client):
    from ops.demo import demo_pages_upsert

    demo_pages_upsert([])
    demo_pages_upsert([])  # idempotent
    assert HomePage.objects.count() == 2
    assert StandardPage.objects.filter(slug="about").count() == 2
    english = client.get("/about/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    russian = client.get("/about/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "About FilmTracker" in english and "О FilmTracker" not in english
    assert "О FilmTracker" in russian and "About FilmTracker" not in russian
    home_ru = client.get("/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Находите фильмы, оценивайте их" in home_ru
    assert 'href="/about/"' in home_ru  # the home page links to About


def test_the_demo_journal_comes_in_both_languages(client):
    from films.factories import FilmFactory
    from journal.models import ArticlePage
    from ops.demo import demo_pages_upsert

    film = FilmFactory(title="Stalker")
    demo_pages_upsert([film])
    demo_pages_upsert([film])  # idempotent
    assert ArticlePage.objects.count() == 2
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'href="/journal/"' in home  # the home page links to it
    assert (
        'href="/journal/"'
        in client.get("/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    )
    english = client.get("/journal/where-to-start/").content.decode()
    russian = client.get(
        "/journal/where-to-start/", HTTP_ACCEPT_LANGUAGE="ru"
    ).content.decode()
    assert "<h1>Where to start</h1>" in english
    assert "<h1>С чего начать</h1>" in russian
    assert film.get_absolute_url() in russian  # the film card
    film_page = client.get(film.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ru")
    assert "С чего начать" in film_page.content.decode()
