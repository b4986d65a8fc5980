"""Example values for the OpenAPI docs (tests check them against the schema)."""

from drf_spectacular.utils import OpenApiExample

from filmtracker.rest.openapi import error_example

SITE = "https://filmtracker.example"
MEDIA = f"{SITE}/media/images"

FILM = {
    "id": 1,
    "title": "The Matrix",
    "year": 1999,
    "slug": "the-matrix-1999",
    "url": f"{SITE}/films/the-matrix-1999/",
    "original_title": "The Matrix",
    "tmdb_id": 603,
    "genres": [
        {"id": 3, "name": "Action", "slug": "action"},
        {"id": 9, "name": "Science Fiction", "slug": "science-fiction"},
    ],
    "average_rating": 8.75,
    "average_stars": 4.38,
    "rating_count": 4,
    "watch_count": 5,
    "viewing_count": 7,
    "popularity": 83.2,
    "poster": {
        "small": f"{MEDIA}/the-matrix.2e16d0ba.fill-300x450.jpg",
        "large": f"{MEDIA}/the-matrix.2e16d0ba.fill-400x600.jpg",
    },
}

FILM_DETAIL = {
    **FILM,
    "release_date": "1999-03-31",
    "overview": "A hacker learns that the world he lives in is a simulation.",
    "tagline": "Welcome to the Real World.",
    "runtime": 136,
    "imdb_id": "tt0133093",
    "tmdb_vote_average": 8.2,
    "tmdb_vote_count": 26000,
    "directors": [
        {"id": 7, "name": "Lana Wachowski"},
        {"id": 8, "name": "Lilly Wachowski"},
    ],
    "cast": [
        {"id": 11, "name": "Keanu Reeves", "character": "Neo", "order": 0},
        {"id": 12, "name": "Carrie-Anne Moss", "character": "Trinity", "order": 1},
    ],
}

FILM_RESPONSE = OpenApiExample("A film", value=FILM, response_only=True)
FILM_DETAIL_RESPONSE = OpenApiExample(
    "A film", value=FILM_DETAIL, response_only=True, status_codes=[200, 201]
)
AUTOCOMPLETE_RESPONSE = OpenApiExample(
    "Titles starting with mat",
    value={
        "id": 1,
        "title": "The Matrix",
        "year": 1999,
        "slug": "the-matrix-1999",
        "url": f"{SITE}/films/the-matrix-1999/",
    },
    response_only=True,
)
IMPORT_REQUEST = OpenApiExample(
    "Import The Matrix", value={"tmdb_id": 603}, request_only=True
)
TMDB_SEARCH_RESPONSE = OpenApiExample(
    "Matches not yet imported",
    value={
        "page": 1,
        "total_pages": 1,
        "total_results": 2,
        "results": [
            {
                "tmdb_id": 604,
                "title": "The Matrix Reloaded",
                "original_title": "The Matrix Reloaded",
                "release_date": "2003-05-15",
                "year": 2003,
                "overview": "Neo and the rebels fight on.",
                "poster_path": "/9TGHDvWrqKBzwDxDodHYXEmOE6J.jpg",
                "vote_average": 7.1,
                "vote_count": 10500,
                "popularity": 45.6,
                "genre_ids": [12, 28, 878],
            }
        ],
    },
    response_only=True,
)

INVALID_FILTER = error_example(
    "Invalid ordering",
    'ordering: "rating" is not a valid choice.',
    "invalid",
    {"ordering": ['"rating" is not a valid choice.']},
)
UNKNOWN_TMDB_ID = error_example(
    "Unknown TMDB id",
    "tmdb_id: TMDB has no film with id 999999999.",
    "invalid",
    {"tmdb_id": ["TMDB has no film with id 999999999."]},
)
