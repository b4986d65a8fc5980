"""Example values for the OpenAPI docs (tests check them against the schema)."""

from drf_spectacular.utils import OpenApiExample

SITE = "https://filmtracker.example"
MATRIX = {
    "id": 1,
    "tmdb_id": 603,
    "imdb_id": "tt0133093",
    "title": "The Matrix",
    "original_title": "The Matrix",
    "year": 1999,
    "release_date": "1999-03-31",
    "url": f"{SITE}/films/the-matrix-1999/",
}
STALKER = {
    "id": 7,
    "tmdb_id": 1398,
    "imdb_id": "tt0079944",
    "title": "Stalker",
    "original_title": "Сталкер",
    "year": 1979,
    "release_date": "1979-05-25",
    "url": f"{SITE}/films/stalker-1979/",
}

FULL_EXPORT = OpenApiExample(
    "A member's export",
    value={
        "format": "filmtracker-member-export",
        "version": 1,
        "exported_at": "2024-05-01T09:00:00Z",
        "profile": {
            "username": "trinity",
            "display_name": "Trinity",
            "email": "trinity@example.com",
            "bio": "Hacker. Likes long phone calls.",
            "language": "en",
            "time_zone": "Europe/Berlin",
            "date_joined": "2024-01-05T10:00:00Z",
        },
        "entries": [
            {
                "film": MATRIX,
                "status": "watched",
                "rating": 9,
                "stars": 4.5,
                "comment": "Still the best lobby scene ever filmed.",
                "watched_on": "2024-03-31",
                "created_at": "2024-01-06T19:30:00Z",
                "updated_at": "2024-04-01T08:15:00Z",
            },
            {
                "film": STALKER,
                "status": "want",
                "rating": None,
                "stars": None,
                "comment": "",
                "watched_on": None,
                "created_at": "2024-02-10T12:00:00Z",
                "updated_at": "2024-02-10T12:00:00Z",
            },
        ],
        "viewings": [
            {
                "film": MATRIX,
                "watched_on": "2024-01-06",
                "rating": 8,
                "stars": 4.0,
                "note": "First time, on a small screen.",
                "rewatch": False,
                "created_at": "2024-01-06T19:30:00Z",
            },
            {
                "film": MATRIX,
                "watched_on": "2024-03-31",
                "rating": 9,
                "stars": 4.5,
                "note": "",
                "rewatch": True,
                "created_at": "2024-04-01T08:15:00Z",
            },
        ],
        "lists": [],
    },
    response_only=True,
)
