"""Example values for the OpenAPI docs (tests check them against the schema)."""

from drf_spectacular.utils import OpenApiExample

from filmtracker.rest.openapi import error_example

REVIEW = {
    "id": 12,
    "film": {
        "id": 1,
        "title": "The Matrix",
        "year": 1999,
        "slug": "the-matrix-1999",
        "url": "https://filmtracker.example/films/the-matrix-1999/",
    },
    "user": {
        "username": "trinity",
        "display_name": "Trinity",
        "public_name": "Trinity",
        "url": "https://filmtracker.example/users/trinity/",
    },
    "status": "watched",
    "rating": 9,
    "stars": 4.5,
    "comment": "Still the best lobby scene ever filmed.",
    "watched_on": "2024-03-31",
    "created_at": "2024-04-01T19:30:00Z",
    "updated_at": "2024-04-02T08:15:00Z",
}

REVIEW_RESPONSE = OpenApiExample("A rated film", value=REVIEW, response_only=True)

REVIEW_CREATE = OpenApiExample(
    "Rate and review a film",
    value={
        "film": 1,
        "status": "watched",
        "rating": 9,
        "comment": "Still the best lobby scene ever filmed.",
        "watched_on": "2024-03-31",
    },
    request_only=True,
)
WANT_TO_WATCH = OpenApiExample(
    "Add a film to the watch list",
    value={"film": 1, "status": "want"},
    request_only=True,
)
REVIEW_UPDATE = OpenApiExample(
    "Replace the entry",
    value={"status": "watched", "rating": 8, "comment": "", "watched_on": None},
    request_only=True,
)
REVIEW_PATCH = OpenApiExample(
    "Change only the rating", value={"rating": 7}, request_only=True
)

INVALID_REVIEW = error_example(
    "Invalid rating",
    "rating: A rating is a whole number from 1 to 10 (½ to 5 stars).",
    "invalid",
    {"rating": ["A rating is a whole number from 1 to 10 (½ to 5 stars)."]},
)
DUPLICATE_REVIEW = error_example(
    "Already reviewed",
    "film: You already have an entry for this film (id 12). "
    "Change it with PUT or PATCH /api/v1/reviews/12/.",
    "invalid",
    {
        "film": [
            "You already have an entry for this film (id 12). "
            "Change it with PUT or PATCH /api/v1/reviews/12/."
        ]
    },
)
UNKNOWN_FILM = error_example(
    "Unknown film",
    "film: There is no film with id 999.",
    "invalid",
    {"film": ["There is no film with id 999."]},
)
NOT_OWNER = error_example(
    "Someone else's entry",
    "You can only change your own ratings and reviews.",
    "permission_denied",
)
