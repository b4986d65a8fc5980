"""The films API: list/search/filter/order, detail, autocomplete, a film's reviews."""

import factory
import pytest
from django.core.cache import cache

from films.factories import CreditFactory, FilmFactory, GenreFactory, PersonFactory
from films.models import Credit
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db

FILMS = "/api/v1/films/"


def factory_title(word):
    return factory.Sequence(lambda n: f"{word} {n}")


def titles(response):
    return [film["title"] for film in response.json()["results"]]


def test_list_gives_the_sites_numbers_genres_and_poster_urls(api_client):
    drama = GenreFactory(name="Drama")
    film = FilmFactory(title="Solaris", year=1972, with_poster=True)
    film.genres.add(drama)
    UserFilmFactory(film=film, rating=9)
    UserFilmFactory(film=film, rating=6, status=UserFilm.Status.DROPPED)
    UserFilmFactory(film=film, rating=None, status=UserFilm.Status.WANT)

    response = api_client.get(FILMS)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [item] = body["results"]
    assert item["title"] == "Solaris"
    assert item["year"] == 1972
    assert item["average_rating"] == 7.5
    assert item["average_stars"] == 3.75
    assert item["rating_count"] == 2
    assert item["watch_count"] == 1
    assert item["genres"] == [{"id": drama.pk, "name": "Drama", "slug": "drama"}]
    assert item["url"] == f"http://testserver/films/{film.slug}/"
    assert item["poster"]["small"].startswith("http://testserver/media/")
    assert ".fill-300x450." in item["poster"]["small"]
    assert ".fill-400x600." in item["poster"]["large"]


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
    ("ordering", "expected"),
    [
        ("title", ["Alien", "Brazil", "Cube"]),
        ("-title", ["Cube", "Brazil", "Alien"]),
        ("year", ["Alien", "Cube", "Brazil"]),
        ("-year", ["Cube", "Alien", "Brazil"]),
        ("average", ["Alien", "Cube", "Brazil"]),
        ("-average", ["Cube", "Alien", "Brazil"]),
        ("popularity", ["Cube", "Alien", "Brazil"]),
        ("-popularity", ["Brazil", "Alien", "Cube"]),
    ],
)
def test_ordering_puts_missing_values_last(api_client, ordering, expected):
    alien = FilmFactory(title="Alien", year=1979, popularity=5)
    FilmFactory(title="Brazil", year=None, popularity=9)  # no year, no ratings
    cube = FilmFactory(title="Cube", year=1997, popularity=1)
    UserFilmFactory(film=alien, rating=4)
    UserFilmFactory(film=cube, rating=8)
    assert titles(api_client.get(FILMS, {"ordering": ordering})) == expected


def test_ordering_applies_to_search_results(api_client):
    low = FilmFactory(title="Space Odyssey", overview="space")
    high = FilmFactory(title="Space Cowboys", overview="space")
    FilmFactory(title="Cowboys only")
    UserFilmFactory(film=low, rating=3)
    UserFilmFactory(film=high, rating=9)
    response = api_client.get(FILMS, {"q": "space", "ordering": "-average"})
    assert titles(response) == ["Space Cowboys", "Space Odyssey"]
    assert response.json()["count"] == 2


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


# Queries per request: count, page, genres, posters, poster renditions; an
# ordered search first fetches the matches to order.
LIST_QUERIES = {
    "list": ({}, 5),
    # A search adds the ranking's four (search/selectors.py: word and title
    # prefix matches, their translated titles and rating counts), and needs
    # no count query: the ranked ids are counted in Python.
    "search": ({"q": "film"}, 8),
    "ordered search": ({"q": "film", "ordering": "-average"}, 9),
}


def test_list_takes_the_same_queries_whatever_the_number_of_films(
    api_client, django_assert_num_queries
):
    genre = GenreFactory()
    for new_films, total in [(2, 2), (10, 12)]:
        for film in FilmFactory.create_batch(new_films, with_poster=True):
            film.genres.add(genre)
            UserFilmFactory.create_batch(2, film=film)
        for params, expected in LIST_QUERIES.values():
            api_client.get(FILMS, params)  # renditions are made on first use
            cache.clear()  # count the queries of a cache miss (films/cache.py)
            with django_assert_num_queries(expected):
                response = api_client.get(FILMS, params)
            assert response.json()["count"] == total
            assert all(film["poster"] for film in response.json()["results"])


def test_detail_adds_people_dates_and_tmdb_numbers(api_client):
    film = FilmFactory(
        title="Stalker",
        year=1979,
        tagline="Zone",
        runtime=162,
        tmdb_vote_average="8.1",
        tmdb_vote_count=2000,
    )
    tarkovsky = PersonFactory(name="Andrei Tarkovsky")
    CreditFactory(film=film, person=tarkovsky, role=Credit.Role.DIRECTOR)
    CreditFactory(
        film=film, person__name="Anatoly Solonitsyn", character="Writer", order=1
    )
    CreditFactory(film=film, person__name="Alisa Freindlich", character="Wife", order=0)
    UserFilmFactory(film=film, rating=10)

    response = api_client.get(f"{FILMS}{film.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Stalker"
    assert body["runtime"] == 162
    assert body["tagline"] == "Zone"
    assert body["tmdb_vote_average"] == 8.1
    assert body["average_rating"] == 10
    assert body["directors"] == [{"id": tarkovsky.pk, "name": "Andrei Tarkovsky"}]
    assert [(c["name"], c["character"]) for c in body["cast"]] == [
        ("Alisa Freindlich", "Wife"),
        ("Anatoly Solonitsyn", "Writer"),
    ]


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


# --- A film's reviews ---------------------------------------------------------


def test_a_films_reviews_newest_first_and_filtered_by_status(api_client):
    film = FilmFactory()
    older = UserFilmFactory(film=film, comment="Fine.")
    newer = UserFilmFactory(film=film, comment="Great.", rating=10)
    wish = UserFilmFactory(film=film, status=UserFilm.Status.WANT, rating=None)
    UserFilmFactory(comment="Another film's review.")
    newer.save()  # most recently updated

    body = api_client.get(f"{FILMS}{film.pk}/reviews/").json()
    assert [r["id"] for r in body["results"]] == [newer.pk, wish.pk, older.pk]
    assert body["results"][0]["stars"] == 5.0
    assert body["results"][0]["film"]["id"] == film.pk

    wanted = api_client.get(f"{FILMS}{film.pk}/reviews/", {"status": "want"}).json()
    assert [r["id"] for r in wanted["results"]] == [wish.pk]

    response = api_client.get(f"{FILMS}{film.pk}/reviews/", {"status": "loved"})
    assert response.status_code == 400
    assert "status" in response.json()["errors"]


def test_reviews_of_an_unknown_film_is_a_404(api_client):
    assert api_client.get(f"{FILMS}424242/reviews/").status_code == 404


def test_a_films_reviews_take_the_same_queries_at_any_size(
    api_client, django_assert_num_queries
):
    film = FilmFactory()
    UserFilmFactory.create_batch(2, film=film)
    url = f"{FILMS}{film.pk}/reviews/"
    with django_assert_num_queries(3):  # film, count, page
        assert api_client.get(url).json()["count"] == 2
    UserFilmFactory.create_batch(15, film=film)
    with django_assert_num_queries(3):
        assert api_client.get(url).json()["count"] == 17
