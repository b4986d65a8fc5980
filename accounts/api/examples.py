"""Example values for the OpenAPI docs (tests check them against the schema)."""

from drf_spectacular.utils import OpenApiExample

from filmtracker.rest.openapi import error_example

NOT_VERIFIED = error_example(
    "Email not verified",
    "Verify your email address first: follow the link in the email we sent "
    "when you signed up.",
    "permission_denied",
)

SITE = "https://filmtracker.example"

PROFILE = {
    "username": "trinity",
    "display_name": "Trinity",
    "public_name": "Trinity",
    "bio": "Hacker. Likes long phone calls.",
    "date_joined": "2024-01-05T10:00:00Z",
    "url": f"{SITE}/users/trinity/",
    "films_url": f"{SITE}/api/v1/users/trinity/films/",
    "counts": {"want": 12, "watching": 1, "watched": 80, "dropped": 3, "rated": 75},
}
PROFILE_RESPONSE = OpenApiExample("A member", value=PROFILE, response_only=True)

ME = {
    "username": "trinity",
    "email": "trinity@filmtracker.example",
    "display_name": "Trinity",
    "public_name": "Trinity",
    "bio": "Hacker. Likes long phone calls.",
    "date_joined": "2024-01-05T10:00:00Z",
    "can_review": True,
    "url": f"{SITE}/users/trinity/",
}
ME_RESPONSE = OpenApiExample("Your profile", value=ME, response_only=True)
ME_PATCH = OpenApiExample(
    "Change your display name",
    value={"display_name": "Trinity", "bio": "Hacker."},
    request_only=True,
)
TOO_LONG_NAME = error_example(
    "Display name too long",
    "display_name: Ensure this field has no more than 60 characters.",
    "invalid",
    {"display_name": ["Ensure this field has no more than 60 characters."]},
)

TOKEN_REQUEST = OpenApiExample(
    "Sign in",
    value={"username": "trinity", "password": "correct-horse-battery"},
    request_only=True,
)
TOKEN_PAIR = OpenApiExample(
    "A token pair",
    value={
        "access": "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoiNyJ9.c2lnbmF0dXJl",
        "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiIxYjMifQ.c2lnbmF0dXJl",
    },
    response_only=True,
)
REFRESH_REQUEST = OpenApiExample(
    "Refresh",
    value={"refresh": "eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiIxYjMifQ.c2lnbmF0dXJl"},
    request_only=True,
)
BAD_CREDENTIALS = error_example(
    "Wrong username or password",
    "No active account found with the given credentials",
    "no_active_account",
)
INVALID_TOKEN = error_example(
    "Invalid or revoked token", "Token is blacklisted", "token_not_valid"
)
