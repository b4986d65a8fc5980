"""The films API: list/search/filter, detail, autocomplete.

The members' numbers and a film's reviews: filmtracker/tests/test_api_film_numbers.py.
"""

import factory
import pytest

from films.factories import FilmFactory, GenreFactory

pytestmark = pytest.mark.django_db

FILMS = "/api/v1/films/"


def factory_title(word):
    return factory.Sequence(lambda n: f"{word} {n}")


def titles(response):
    return [film["title"] for film in response.json()["results"]]


def test_a_film_without_ratings_or_poster_has_nulls_and_zeros(api_client):
    FilmFactory()
    [item] = api_client.get(FILMS).json()["results"]
    assert item["average_rating"] is None
    assert item["average_stars"] is None
    assert item["rating_count"] == 0
    assert item["watch_count"] == 0
    assert item["poster"] is None


def test_a_poster_whose_file_is_lost_is_left_out_not_a_500(api_client):
    film = FilmFactory(with_poster=True)
    film.poster.file.storage.delete(film.poster.file.name)
    response = api_client.get(FILMS)
    assert response.status_code == 200
    assert response.json()["results"][0]["poster"] is None


def test_list_is_paginated(api_client):
    FilmFactory.create_batch(5)
    body = api_client.get(FILMS, {"page_size": 2, "page": 2}).json()
    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert body["next"].endswith("page=3&page_size=2")
    assert body["previous"] is not None
    assert api_client.get(FILMS, {"page": 9}).status_code == 404


def test_search_uses_the_search_backend(api_client):
    FilmFactory(title="The Matrix", overview="A hacker wakes up.")
    FilmFactory(title="Stalker", overview="A guide leads two men into the Zone.")
    FilmFactory(title="Heat", overview="A detective hunts a hacker crew.")

    assert titles(api_client.get(FILMS, {"q": "matrix"})) == ["The Matrix"]
    assert sorted(titles(api_client.get(FILMS, {"q": "hacker"}))) == [
        "Heat",
        "The Matrix",
    ]
    assert titles(api_client.get(FILMS, {"q": "nothing-like-this"})) == []


def test_year_and_genre_filter_the_list_and_the_search(api_client):
    drama, comedy = GenreFactory(name="Drama"), GenreFactory(name="Comedy")
    old_drama = FilmFactory(title="Night Train", year=1959)
    old_drama.genres.add(drama)
    new_drama = FilmFactory(title="Night Moves", year=2013)
    new_drama.genres.add(drama)
    old_comedy = FilmFactory(title="Night at the Opera", year=1959)
    old_comedy.genres.add(comedy)

    assert titles(api_client.get(FILMS, {"year": 1959})) == [
        "Night at the Opera",
        "Night Train",
    ]
    assert titles(api_client.get(FILMS, {"genre": "drama"})) == [
        "Night Moves",
        "Night Train",
    ]
    both = {"genre": "drama", "year": 1959}
    assert titles(api_client.get(FILMS, both)) == ["Night Train"]
    assert titles(api_client.get(FILMS, {**both, "q": "night"})) == ["Night Train"]
    assert titles(api_client.get(FILMS, {"genre": "comedy", "q": "train"})) == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"ordering": "rating"}, "ordering"),
        ({"year": "nineteen"}, "year"),
        ({"year": 1200}, "year"),
        ({"genre": "not a slug!"}, "genre"),
        ({"page_size": 10, "q": "x" * 201}, "q"),
    ],
)
def test_invalid_list_parameters_are_a_400_naming_the_field(api_client, params, field):
    response = api_client.get(FILMS, params)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert list(body["errors"]) == [field]
    assert body["detail"].startswith(f"{field}: ")


def test_detail_of_an_unknown_film_is_a_json_404(api_client):
    response = api_client.get(f"{FILMS}999999/")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "No Film matches the given query.",
        "code": "not_found",
        "errors": {},
    }


def test_films_are_read_only(make_api_client, member):
    film = FilmFactory()
    client = make_api_client(member)
    assert client.post(FILMS, {"title": "New"}).status_code == 405
    assert client.patch(f"{FILMS}{film.pk}/", {"title": "x"}).status_code == 405
    assert client.delete(f"{FILMS}{film.pk}/").status_code == 405


# --- Autocomplete -------------------------------------------------------------


def test_autocomplete_matches_the_start_of_title_words(api_client):
    matrix = FilmFactory(title="The Matrix", year=1999)
    FilmFactory(title="Mad Max")
    FilmFactory(title="Heat")

    response = api_client.get(f"{FILMS}autocomplete/", {"q": "matr"})

    assert response.status_code == 200
    assert response.json() == [
        {
            "id": matrix.pk,
            "title": "The Matrix",
            "year": 1999,
            "slug": matrix.slug,
            "url": f"http://testserver/films/{matrix.slug}/",
        }
    ]


def test_autocomplete_gives_at_most_eight(api_client):
    FilmFactory.create_batch(10, title=factory_title("Matrix"))
    results = api_client.get(f"{FILMS}autocomplete/", {"q": "matrix"}).json()
    assert len(results) == 8


def test_autocomplete_with_nothing_typed_is_empty(
    api_client, django_assert_num_queries
):
    FilmFactory()
    with django_assert_num_queries(0):
        response = api_client.get(f"{FILMS}autocomplete/", {"q": "  "})
    assert response.status_code == 200
    assert response.json() == []


def test_autocomplete_refuses_overlong_text(api_client):
    response = api_client.get(f"{FILMS}autocomplete/", {"q": "m" * 101})
    assert response.status_code == 400
    assert "q" in response.json()["errors"]


def test_autocomplete_costs_five_queries_whatever_the_catalogue(
    api_client, django_assert_num_queries
):
    """The search's four (matches, titles, rating counts), then the 8 films."""
    FilmFactory.create_batch(3, title=factory_title("Matrix"))
    with django_assert_num_queries(5):
        assert len(api_client.get(f"{FILMS}autocomplete/", {"q": "ma"}).json()) == 3
    FilmFactory.create_batch(20, title=factory_title("Matrix"))
    with django_assert_num_queries(5):
        assert len(api_client.get(f"{FILMS}autocomplete/", {"q": "ma"}).json()) == 8
