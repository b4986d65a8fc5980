"""Example values for the lists API's OpenAPI docs."""

from drf_spectacular.utils import OpenApiExample

from filmtracker.rest.openapi import error_example

SITE = "https://filmtracker.example"
OWNER = {
    "username": "trinity",
    "display_name": "Trinity",
    "public_name": "Trinity",
    "url": f"{SITE}/users/trinity/",
}
LIST = {
    "id": 7,
    "title": "Best of 1999",
    "slug": "best-of-1999",
    "description": "A year of rabbit holes.\nIn order.",
    "visibility": "public",
    "ranked": True,
    "owner": OWNER,
    "entry_count": 10,
    "url": f"{SITE}/users/trinity/lists/best-of-1999/",
    "entries_url": f"{SITE}/api/v1/lists/7/entries/",
    "created_at": "2024-04-01T19:30:00Z",
    "updated_at": "2024-04-02T08:15:00Z",
}
ENTRY = {
    "id": 41,
    "position": 1,
    "film": {
        "id": 1,
        "title": "The Matrix",
        "year": 1999,
        "slug": "the-matrix-1999",
        "url": f"{SITE}/films/the-matrix-1999/",
    },
    "note": "Still the best lobby scene ever filmed.",
    "owner_rating": 10,
    "created_at": "2024-04-01T19:31:00Z",
}

LIST_RESPONSE = OpenApiExample("A ranked list", value=LIST, response_only=True)
LIST_CREATE = OpenApiExample(
    "Make a ranked list",
    value={
        "title": "Best of 1999",
        "description": "A year of rabbit holes.\nIn order.",
        "visibility": "public",
        "ranked": True,
    },
    request_only=True,
)
LIST_PATCH = OpenApiExample(
    "Make it private", value={"visibility": "private"}, request_only=True
)
ENTRY_RESPONSE = OpenApiExample("A film in a list", value=ENTRY, response_only=True)
ENTRY_CREATE = OpenApiExample(
    "Add a film at the top",
    value={"film": 1, "position": 1, "note": "Still the best lobby scene."},
    request_only=True,
)
ENTRY_MOVE = OpenApiExample(
    "Move a film to third place", value={"position": 3}, request_only=True
)

TOO_MANY_LISTS = error_example(
    "Too many lists",
    "You have 200 lists, the most one member can have. Delete one to make another.",
    "invalid",
    {
        "non_field_errors": [
            "You have 200 lists, the most one member can have. "
            "Delete one to make another."
        ]
    },
)
LONG_DESCRIPTION = error_example(
    "Description too long",
    "description: Ensure this field has no more than 5000 characters.",
    "invalid",
    {"description": ["Ensure this field has no more than 5000 characters."]},
)
DUPLICATE_FILM = error_example(
    "Film already in the list",
    "film: The Matrix is already in this list.",
    "invalid",
    {"film": ["The Matrix is already in this list."]},
)
BAD_POSITION = error_example(
    "Position out of range",
    "position: Choose a position from 1 to 10.",
    "invalid",
    {"position": ["Choose a position from 1 to 10."]},
)
NOT_OWNER = error_example(
    "Someone else's list",
    "You can only change your own lists.",
    "permission_denied",
)
