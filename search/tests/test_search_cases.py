"""The cases of issue 15, each on the search page, the API's `q` and autocomplete."""

from unittest import mock

import pytest
from django.db import connection
from django.urls import reverse

from films.factories import FilmFactory
from films.models import FilmTranslation
from reviews.factories import UserFilmFactory

pytestmark = pytest.mark.django_db

SITE = reverse("search:search")
API = "/api/v1/films/"
AUTOCOMPLETE = "/api/v1/films/autocomplete/"


@pytest.fixture(autouse=True)
def tmdb_off():
    with mock.patch("films.tmdb.tmdb_is_configured", return_value=False):
        yield


def site(client, query, **params):
    response = client.get(SITE, {"q": query, **params})
    assert response.status_code == 200
    page = response.context["page_obj"]
    return [str(film) for film in page.object_list] if page else []


def api(client, query, **params):
    response = client.get(API, {"q": query, **params})
    assert response.status_code == 200
    return [f"{f['title']} ({f['year']})" for f in response.json()["results"]]


def autocomplete(client, query):
    response = client.get(AUTOCOMPLETE, {"q": query})
    assert response.status_code == 200
    return [f"{f['title']} ({f['year']})" for f in response.json()]


SURFACES = pytest.mark.parametrize("find", [site, api, autocomplete])


def film(title, year, *, ru=None, **fields):
    made = FilmFactory(title=title, original_title=title, year=year, **fields)
    if ru:
        FilmTranslation.objects.create(film=made, language="ru", title=ru)
        made.save()  # indexed again, with its translation
    return made


@SURFACES
@pytest.mark.parametrize("query", ["Amelie", "amélie", "AMELIE"])
def test_accents_and_case_do_not_matter(client, find, query):
    film("Amélie", 2001)
    assert find(client, query)[0] == "Amélie (2001)"


@SURFACES
@pytest.mark.parametrize("title", ["Up", "It", "Her", "Them!"])
def test_short_titles_are_found(client, find, title):
    film(title, 2009, overview="Nothing to see.")
    film(f"{title.strip('!')} and Away", 2010)
    assert find(client, title.strip("!").lower())[0] == f"{title} (2009)"


@SURFACES
def test_the_exact_title_comes_before_sequels(client, find):
    film("Aliens", 1986, popularity=90)
    film("Alien: Covenant", 2017, popularity=95)
    film("Alien", 1979, popularity=10)
    assert find(client, "Alien")[0] == "Alien (1979)"


@SURFACES
@pytest.mark.parametrize("query", ["godf", "termin"])
def test_the_last_word_is_a_prefix(client, find, query):
    film("The Godfather", 1972)
    film("The Terminator", 1984)
    assert find(client, query)[0].lower().startswith(f"the {query}")


@SURFACES
def test_overview_matches_come_after_title_matches(client, find):
    film("Toy Story", 1995, overview="The arrival of a space toy.", popularity=99)
    film("Arrival", 2016, popularity=1)
    assert find(client, "Arrival") == ["Arrival (2016)", "Toy Story (1995)"]


@SURFACES
def test_no_stemming_into_other_words(client, find):
    film("Singin' in the Rain", 1952, overview="Stars arrive at the premiere.")
    assert find(client, "Arrival") == []


@SURFACES
@pytest.mark.parametrize("query", ["Schindlers List", "schindler's list", "WALL-E"])
def test_punctuation_and_apostrophes_do_not_matter(client, find, query):
    film("Schindler's List", 1993)
    film("WALL·E", 2008)
    first = find(client, query)[0]
    assert first in {"Schindler's List (1993)", "WALL·E (2008)"}
    assert first.lower()[:4] == query.lower()[:4]


@SURFACES
@pytest.mark.parametrize("query", ["walle", "Wall E", "MASH", "m*a*s*h", "se7en"])
def test_joined_and_spaced_spellings(client, find, query):
    film("WALL·E", 2008)
    film("M*A*S*H", 1970)
    film("Se7en", 1995)
    expected = {"w": "WALL·E (2008)", "m": "M*A*S*H (1970)", "s": "Se7en (1995)"}
    assert find(client, query)[0] == expected[query[0].lower()]


@SURFACES
def test_ties_go_to_the_film_more_members_rated(client, find):
    rated = film("Halloween", 2018, popularity=1)  # older id: not first by id either
    film("Halloween", 1978, popularity=50)
    UserFilmFactory(film=rated, rating=8)
    assert find(client, "halloween")[0] == "Halloween (2018)"


@SURFACES
@pytest.mark.parametrize("year", [1978, 2007, 2018])
def test_a_trailing_year_picks_the_film(client, find, year):
    for y in (1978, 2007, 2018):
        film("Halloween", y)
    assert find(client, f"Halloween {year}") == [f"Halloween ({year})"]


@SURFACES
@pytest.mark.parametrize(
    "query, expected",
    [
        ("2001", "2001: A Space Odyssey (1968)"),
        ("1917", "1917 (2019)"),
        ("Blade Runner 2049", "Blade Runner 2049 (2017)"),
    ],
)
def test_a_year_that_finds_nothing_is_part_of_the_title(client, find, query, expected):
    film("2001: A Space Odyssey", 1968)
    film("1917", 2019)
    film("Blade Runner", 1982)
    film("Blade Runner 2049", 2017)
    assert find(client, query)[0] == expected


@SURFACES
@pytest.mark.parametrize("query", ["матрица", "Матрица", "ёлки", "елки", "Чужой"])
def test_russian_titles(client, find, query):
    film("The Matrix", 1999, ru="Матрица")
    film("Yolki", 2010, ru="Ёлки")
    film("Alien", 1979, ru="Чужой")
    expected = {"м": "The Matrix (1999)", "ё": "Yolki (2010)", "е": "Yolki (2010)"}
    assert find(client, query)[0] == expected.get(query[0].lower(), "Alien (1979)")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm typo search")
@pytest.mark.postgres
@SURFACES
@pytest.mark.parametrize("query", ["godfater", "shawshenk"])
def test_typos_fall_back_to_near_titles(client, find, query):
    film("The Godfather", 1972)
    film("The Shawshank Redemption", 1994)
    assert find(client, query)[0][4:8].lower() == query[:4]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm typo search")
@pytest.mark.postgres
def test_the_page_says_which_title_it_shows_for_a_typo(client):
    film("The Godfather", 1972)
    html = client.get(SITE, {"q": "godfater"}).content.decode()
    assert "Showing results for “The Godfather”" in html


BAD_QUERIES = [
    "&",
    '| ! ( ) : * <-> "',
    "a & b | !c",
    "'",
    "\\",
    "\x00",
    "a\x00b",
    "🎬 ☃ \u200b \u202e",
    "x" * 1000,
    "word " * 200,
    "::*",
    "%_",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_input_never_breaks_search(client, query):
    film("The Matrix", 1999)
    for url, key in [(SITE, "q"), (API, "q"), (AUTOCOMPLETE, "q")]:
        response = client.get(url, {key: query})
        assert response.status_code in (200, 400), (url, response.status_code)


@pytest.mark.parametrize("url", [SITE, API])
def test_years_tmdb_lists_are_accepted(client, url):
    film("100 Years", 2115)
    response = client.get(url, {"q": "100 years", "year": 2115})
    assert response.status_code == 200
