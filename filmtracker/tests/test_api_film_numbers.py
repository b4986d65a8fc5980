"""The films API with the members' numbers (filmtracker/rest/films.py): numbers in
the list and detail, ordering by the average, a film's reviews."""

import pytest
from django.core.cache import cache

from films.factories import CreditFactory, FilmFactory, GenreFactory, PersonFactory
from films.models import Credit
from films.tests.test_api_films import FILMS, titles
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm
from reviews.selectors import RANKING_MIN_RATINGS

pytestmark = pytest.mark.django_db


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
    # `average` ranks by the damped average, among films rated often enough.
    UserFilmFactory.create_batch(RANKING_MIN_RATINGS, film=alien, rating=4)
    UserFilmFactory.create_batch(RANKING_MIN_RATINGS, film=cube, rating=8)
    assert titles(api_client.get(FILMS, {"ordering": ordering})) == expected


def test_ordering_applies_to_search_results(api_client):
    low = FilmFactory(title="Space Odyssey", overview="space")
    high = FilmFactory(title="Space Cowboys", overview="space")
    FilmFactory(title="Cowboys only")
    UserFilmFactory.create_batch(RANKING_MIN_RATINGS, film=low, rating=3)
    UserFilmFactory.create_batch(RANKING_MIN_RATINGS, film=high, rating=9)
    response = api_client.get(FILMS, {"q": "space", "ordering": "-average"})
    assert titles(response) == ["Space Cowboys", "Space Odyssey"]
    assert response.json()["count"] == 2


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


def test_ordering_by_average_is_the_damped_one_with_a_minimum(api_client):
    lucky = FilmFactory(title="Lucky")  # one perfect rating: not ranked
    UserFilmFactory(film=lucky, rating=10)
    loved = FilmFactory(title="Loved")
    UserFilmFactory.create_batch(40, film=loved, rating=9)
    few = FilmFactory(title="Few")
    UserFilmFactory.create_batch(RANKING_MIN_RATINGS, film=few, rating=10)
    response = api_client.get(FILMS, {"ordering": "-average"})
    assert titles(response) == ["Loved", "Few", "Lucky"]
