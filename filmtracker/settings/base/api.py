"""The REST API: DRF, JSON Web Tokens, the OpenAPI schema."""

from datetime import timedelta

from .accounts import ALLAUTH_TRUSTED_PROXY_COUNT
from .environment import BASE_DIR, env

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "filmtracker.rest.openapi.AutoSchema",
    # JWT first: its WWW-Authenticate header makes anonymous writes answer 401
    # (sign in) rather than 403 (not allowed).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.api.authentication.MemberJWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticatedOrReadOnly",
    ],
    # JSON only: nothing here takes files, and Django's form parsers read a
    # malformed multipart body as "no fields" (the fuzzer's PATCH of a bare
    # number "succeeded"); anything else is a clear 415.
    "DEFAULT_PARSER_CLASSES": ["filmtracker.rest.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "filmtracker.rest.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "filmtracker.rest.exceptions.exception_handler",
    # Visitors at the "anon" rate by address, members at "user" by account.
    "DEFAULT_THROTTLE_CLASSES": [
        "filmtracker.rest.throttling.MemberOrAddressRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", "120/minute"),
        "user": env.str("API_THROTTLE_USER", "600/minute"),
        # Token endpoints, on top of the above: slows down password guessing.
        "auth": env.str("API_THROTTLE_AUTH", "20/minute"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # The client's address for throttles: see ALLAUTH_TRUSTED_PROXY_COUNT.
    "NUM_PROXIES": ALLAUTH_TRUSTED_PROXY_COUNT,
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", 15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", 7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": False,
    "AUTH_HEADER_TYPES": ("Bearer",),
}

# The long description of the OpenAPI schema (Swagger UI, Redoc): Markdown.
API_DESCRIPTION = (BASE_DIR / "filmtracker" / "rest" / "api_description.md").read_text(
    encoding="utf-8"
)

SPECTACULAR_SETTINGS = {
    "TITLE": "FilmTracker API",
    "DESCRIPTION": API_DESCRIPTION,
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Separate request and response components: ids in, nested objects out.
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["filmtracker.rest.openapi.only_api_endpoints"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No badge from validator.swagger.io: the docs fetch nothing from elsewhere.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ReviewStatusEnum": "reviews.models.UserFilm.Status",
    },
    "TAGS": [
        {"name": "films", "description": "The film catalogue."},
        {"name": "tmdb", "description": "Finding and importing films from TMDB."},
        {"name": "reviews", "description": "Members' ratings and reviews."},
        {"name": "users", "description": "Members' profiles and film lists."},
        {"name": "auth", "description": "JSON Web Tokens for API clients."},
        {"name": "exports", "description": "Your own data, to take elsewhere."},
    ],
}
