"""Markup for people with low vision or on a slow phone (issue: readable, fast).

Ratings show their number beside the stars, text from TMDB carries its real
language, the search landmarks have names, and the first posters load first.
"""

import json
import re
from pathlib import Path

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from films.factories import FilmFactory, GenreFactory
from films.models import FilmTranslation
from films.services import film_fields_from_tmdb
from films.tmdb_types import parse_movie
from reviews.factories import UserFilmFactory

pytestmark = pytest.mark.django_db

RU = {"HTTP_ACCEPT_LANGUAGE": "ru"}
TMDB_DATA = Path(__file__).resolve().parents[1] / "testing" / "tmdb_data"


def imgs(html):
    return re.findall(r"<img\b[^>]*>", html)


def attr(tag, name):
    match = re.search(rf'\b{name}="([^"]*)"', tag)
    return match.group(1) if match else None


# --- Stars with their number ---------------------------------------------------


def test_cards_reviews_and_profiles_show_the_number_beside_the_stars(client):
    member = UserFactory(username="vera")
    film = FilmFactory(title="Mirror", with_poster=True)
    UserFilmFactory(user=member, film=film, rating=7, comment="Dreamlike.")
    number = '<span class="stars-value" aria-hidden="true">3.5</span>'
    assert number in client.get("/").content.decode()
    assert number in client.get(film.get_absolute_url()).content.decode()  # review
    assert (
        number
        in client.get(reverse("accounts:profile", args=["vera"])).content.decode()
    )
    russian = client.get("/", **RU).content.decode()
    assert '<span class="stars-value" aria-hidden="true">3,5</span>' in russian


def test_the_film_pages_average_is_not_shown_twice(client):
    film = FilmFactory()
    UserFilmFactory(film=film, rating=8)  # no comment: no review row
    html = client.get(film.get_absolute_url()).content.decode()
    assert 'data-testid="site-average">4.0' in html
    assert "stars-value" not in html


# --- The language of text from TMDB ------------------------------------------


@pytest.fixture
def spirited_away():
    film = FilmFactory(
        title="Spirited Away",
        original_title="千と千尋の神隠し",
        original_language="ja",
        tagline="The tunnel led Chihiro to a mysterious town.",
        overview="A girl wanders into a world of spirits.",
    )
    film.genres.add(GenreFactory(name="Fantasy"))
    FilmTranslation.objects.create(
        film=film, language="ru", title="Унесённые призраками", overview="Сказка."
    )
    return film


def test_russian_page_marks_english_fallbacks_and_the_original_title(
    client, spirited_away
):
    html = client.get(spirited_away.get_absolute_url(), **RU).content.decode()
    assert '<p class="text-body-secondary mb-1" lang="ja">千と千尋の神隠し</p>' in html
    assert re.search(r'lang="en">The tunnel led Chihiro', html)  # tagline: English
    assert re.search(r'lang="en">Fantasy</a>', html)  # genre names are English
    assert "<span>Унесённые призраками</span>" in html  # translated: page language
    assert re.search(r'class="film-overview">Сказка\.', html)
    assert 'lang=""' not in html


def test_english_page_marks_only_the_original_title(client, spirited_away):
    html = client.get(spirited_away.get_absolute_url()).content.decode()
    assert 'lang="ja">千と千尋の神隠し' in html
    film = html.split('<article class="film"')[1].split("</article>")[0]
    assert 'lang="en"' not in film


def test_untranslated_titles_on_russian_cards_are_marked_english(client, spirited_away):
    FilmFactory(title="Mirror")
    html = client.get("/", **RU).content.decode()
    assert re.search(r'lang="en">Mirror</a>', html)
    assert re.search(r'href="[^"]+">Унесённые призраками</a>', html)


def test_an_unknown_original_language_gets_no_lang_at_all(client):
    film = FilmFactory(title="Solaris", original_title="Солярис", original_language="")
    html = client.get(film.get_absolute_url()).content.decode()
    assert '<p class="text-body-secondary mb-1">Солярис</p>' in html
    assert 'lang=""' not in html


@pytest.mark.parametrize(
    ("raw", "stored"),
    [("ja", "ja"), ("RU", "ru"), ("xx", ""), ("cn", "yue"), (None, "")],
)
def test_tmdb_original_language_is_kept_as_a_lang_code(raw, stored):
    data = json.loads((TMDB_DATA / "movie" / "129.json").read_text())
    data["original_language"] = raw
    assert film_fields_from_tmdb(parse_movie(data))["original_language"] == stored


# --- Named search landmarks ----------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/search/"])
def test_every_search_landmark_has_its_own_name(client, path):
    html = client.get(path).content.decode()
    forms = re.findall(r'<form\b[^>]*role="search"[^>]*>', html)
    assert len(forms) == 2
    names = []
    for form in forms:
        label, labelledby = attr(form, "aria-label"), attr(form, "aria-labelledby")
        assert label or labelledby, form
        if labelledby:
            assert f'id="{labelledby}"' in html
        names.append(label or labelledby)
    assert len(set(names)) == 2


# --- The first posters first ---------------------------------------------------


def test_home_loads_the_first_row_eagerly_and_the_rest_lazily(client):
    FilmFactory.create_batch(9, with_poster=True)
    html = client.get("/").content.decode()
    recent = html.split('id="recent-heading"')[1].split("</section>")[0]
    posters = imgs(recent)
    assert [attr(p, "loading") for p in posters] == ["eager"] * 6 + ["lazy"] * 3
    assert [attr(p, "fetchpriority") for p in posters] == ["high"] + [None] * 8


def test_only_the_pages_first_grid_is_eager(client):
    films = FilmFactory.create_batch(3, with_poster=True)
    for film in films:
        UserFilmFactory(film=film, rating=8)
    html = client.get("/").content.decode()
    top = html.split('id="top-heading"')[1].split("</section>")[0]
    assert {attr(p, "loading") for p in imgs(top)} == {"lazy"}
    assert "fetchpriority" not in top


def test_search_results_load_their_first_row_eagerly(client):
    FilmFactory.create_batch(8, title="Heat", with_poster=True)
    html = client.get("/search/", {"q": "Heat"}).content.decode()
    posters = imgs(html)
    assert [attr(p, "loading") for p in posters[:7]] == ["eager"] * 6 + ["lazy"]
    assert attr(posters[0], "fetchpriority") == "high"


def test_profile_loads_its_first_row_eagerly(client):
    member = UserFactory(username="lev")
    for film in FilmFactory.create_batch(4, with_poster=True):
        UserFilmFactory(user=member, film=film)
    html = client.get(reverse("accounts:profile", args=["lev"])).content.decode()
    posters = imgs(html)
    assert [attr(p, "loading") for p in posters] == ["eager"] * 2 + ["lazy"] * 2
    assert attr(posters[0], "fetchpriority") == "high"


def test_the_film_pages_poster_has_high_fetch_priority(client):
    film = FilmFactory(with_poster=True)
    html = client.get(film.get_absolute_url()).content.decode()
    poster = next(p for p in imgs(html) if "film-poster" in p)
    assert attr(poster, "fetchpriority") == "high"
    assert attr(poster, "loading") is None  # never lazy: it is the page's LCP
