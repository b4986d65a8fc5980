"""Example values for the imports API's OpenAPI docs."""

from drf_spectacular.utils import OpenApiExample

from filmtracker.rest.openapi import error_example

SITE = "https://filmtracker.example"

IMPORT = {
    "id": 7,
    "url": f"{SITE}/api/v1/imports/7/",
    "page": f"{SITE}/accounts/import/7/",
    "status": "done",
    "filename": "letterboxd-trinity-2024-06-01-utc.zip",
    "replace": False,
    "total": 412,
    "processed": 412,
    "matched": 405,
    "created": 160,
    "updated": 12,
    "unchanged": 233,
    "unmatched": [
        {
            "id": 9120,
            "file": "watched.csv",
            "line": 88,
            "name": "Home Movie Night",
            "year": 2016,
            "reason": "No film with this title was found.",
            "candidates": [],
        }
    ],
    "ambiguous": [
        {
            "id": 9031,
            "file": "diary.csv",
            "line": 17,
            "name": "Suspiria",
            "year": None,
            "reason": "Several films have this title and year.",
            "candidates": [
                {"film": 52, "tmdb_id": 11906, "title": "Suspiria", "year": 1977},
                {"film": None, "tmdb_id": 361292, "title": "Suspiria", "year": 2018},
            ],
        }
    ],
    "failed": [],
    "lists": [
        {
            "file": "lists/favourites.csv",
            "title": "Favourites",
            "outcome": "created",
            "reason": "",
            "list": 12,
        }
    ],
    "ignored_files": [
        {"file": "profile.csv", "reason": "Your Letterboxd profile is not imported."},
    ],
    "problems": [
        {"file": "ratings.csv", "line": 31, "reason": "the year “19x9” is not a year"}
    ],
    "error": "",
    "created_at": "2024-06-01T10:00:00Z",
    "finished_at": "2024-06-01T10:01:12Z",
}
IMPORT_RESPONSE = OpenApiExample("A finished import", value=IMPORT, response_only=True)
QUEUED_RESPONSE = OpenApiExample(
    "Just queued",
    value={
        **IMPORT,
        "status": "queued",
        "processed": 0,
        "matched": 0,
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "unmatched": [],
        "ambiguous": [],
        "finished_at": None,
    },
    response_only=True,
)
RESOLVE_FILM = OpenApiExample("A film here", value={"film": 52}, request_only=True)
RESOLVE_TMDB = OpenApiExample(
    "A film from TMDB", value={"tmdb_id": 361292}, request_only=True
)
MISSING_COLUMN = error_example(
    "A column is missing",
    "file: diary.csv has no “Watched Date” column in its first line.",
    "invalid",
    {"file": ["diary.csv has no “Watched Date” column in its first line."]},
)
TOO_LARGE = error_example(
    "Too large",
    "file: The file is 14.2 MB; the largest file you can import is 10.0 MB.",
    "invalid",
    {"file": ["The file is 14.2 MB; the largest file you can import is 10.0 MB."]},
)
ALREADY_IMPORTED = error_example(
    "Row already imported",
    "This row is already imported.",
    "invalid",
    {"non_field_errors": ["This row is already imported."]},
)
