"""The permission matrix's table: every write route (and every private read)
× what each role gets.

See test_permission_matrix.py for how a row is checked.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from accounts.factories import DEFAULT_PASSWORD

from . import (
    permission_routes_admin,
    permission_routes_imports,
    permission_routes_lists,
)
from .permission_world import (
    api,
    film_imported,
    own_account_gone,
    own_display_name,
    own_rating_of_rated,
    own_review_of_unrated,
    own_viewing_of_unrated,
    review_gone,
    review_is,
    site,
    viewing_gone,
)

ROLES = ["anonymous", "unverified", "owner", "other", "editor", "superuser"]
VERIFIED = ["owner", "other", "editor", "superuser"]
SIGNED_IN = ["unverified", *VERIFIED]
LOGIN = "login"  # a 302 to a login page (the site's or the admin's)


@dataclass
class Route:
    name: str
    call: object  # (world) -> response
    expected: dict  # role -> status code or LOGIN
    effect: object = None  # (world, before, after) when the call is allowed
    allowed: list = field(default_factory=list)  # roles whose call may change data
    needs_tmdb: bool = False


def review_url(world):
    return f"/api/v1/reviews/{world.review.pk}/"


NOT_THEIRS = ["other", "editor", "superuser"]

ROUTES = [
    Route(
        "API: create a review",
        lambda w: api(w).post(
            "/api/v1/reviews/", {"film": w.unrated.pk, "rating": 9}, format="json"
        ),
        {"anonymous": 401, "unverified": 403, **dict.fromkeys(VERIFIED, 201)},
        own_review_of_unrated,
        VERIFIED,
    ),
    Route(
        "API: replace a review (PUT)",
        lambda w: api(w).put(review_url(w), {"rating": 2}, format="json"),
        {
            "anonymous": 401,
            "unverified": 403,
            "owner": 200,
            **dict.fromkeys(["other", "editor", "superuser"], 403),
        },
        review_is(rating=2, comment=""),
        ["owner"],
    ),
    Route(
        "API: change a review (PATCH)",
        lambda w: api(w).patch(review_url(w), {"comment": "Mine"}, format="json"),
        {
            "anonymous": 401,
            "unverified": 403,
            "owner": 200,
            **dict.fromkeys(["other", "editor", "superuser"], 403),
        },
        review_is(rating=6, comment="Mine"),
        ["owner"],
    ),
    Route(
        "API: delete a review",
        lambda w: api(w).delete(review_url(w)),
        {
            "anonymous": 401,
            "unverified": 403,
            "owner": 204,
            **dict.fromkeys(["other", "editor", "superuser"], 403),
        },
        review_gone,
        ["owner"],
    ),
    Route(
        "API: log a viewing",
        lambda w: api(w).post(
            "/api/v1/diary/",
            {"film": w.unrated.pk, "watched_on": "2024-03-31", "rating": 9},
            format="json",
        ),
        {"anonymous": 401, "unverified": 403, **dict.fromkeys(VERIFIED, 201)},
        own_viewing_of_unrated,
        VERIFIED,
    ),
    Route(
        "API: rate in one click",
        lambda w: api(w).post(
            "/api/v1/reviews/rate/", {"film": w.unrated.pk, "rating": 9}, format="json"
        ),
        {"anonymous": 401, "unverified": 403, **dict.fromkeys(VERIFIED, 200)},
        own_review_of_unrated,
        VERIFIED,
    ),
    Route(
        "API: put a film on the watchlist in one click",
        lambda w: api(w).post(
            "/api/v1/reviews/status/",
            {"film": w.unrated.pk, "status": "want", "on": True},
            format="json",
        ),
        {"anonymous": 401, "unverified": 403, **dict.fromkeys(VERIFIED, 200)},
        own_review_of_unrated,
        VERIFIED,
    ),
    Route(
        "API: remove a viewing",
        lambda w: api(w).delete(f"/api/v1/diary/{w.viewing.pk}/"),
        {
            "anonymous": 401,
            "unverified": 403,
            "owner": 204,
            **dict.fromkeys(["other", "editor", "superuser"], 403),
        },
        viewing_gone,
        ["owner"],
    ),
    Route(
        "API: change your profile",
        lambda w: api(w).patch(
            "/api/v1/users/me/", {"display_name": "Changed"}, format="json"
        ),
        {"anonymous": 401, **dict.fromkeys(SIGNED_IN, 200)},
        own_display_name("Changed"),
        SIGNED_IN,
    ),
    Route(
        "API: import a film from TMDB",
        lambda w: api(w).post("/api/v1/films/import/", {"tmdb_id": 603}, format="json"),
        {"anonymous": 401, "unverified": 403, **dict.fromkeys(VERIFIED, 201)},
        film_imported,
        VERIFIED,
        needs_tmdb=True,
    ),
    # Reads: everyone signed in gets their own export; nothing changes.
    Route(
        "API: export your history for Letterboxd",
        lambda w: api(w).get("/api/v1/exports/letterboxd/"),
        {"anonymous": 401, **dict.fromkeys(SIGNED_IN, 200)},
    ),
    Route(
        "API: export everything of yours",
        lambda w: api(w).get("/api/v1/exports/full/"),
        {"anonymous": 401, **dict.fromkeys(SIGNED_IN, 200)},
    ),
    Route(
        "Site: the export page",
        lambda w: site(w).get(reverse("account_export")),
        {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, 200)},
    ),
    Route(
        "Site: download your history for Letterboxd",
        lambda w: site(w).get(reverse("account_export_letterboxd")),
        {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, 200)},
    ),
    Route(
        "Site: download everything of yours",
        lambda w: site(w).get(reverse("account_export_full")),
        {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, 200)},
    ),
    Route(
        "Site: rate a film (the rating form)",
        lambda w: site(w).post(
            reverse("reviews:edit", args=[w.unrated.slug]),
            {"rating": "4.5", "status": "watched", "comment": "Good"},
        ),
        {"anonymous": LOGIN, "unverified": 403, **dict.fromkeys(VERIFIED, 302)},
        own_review_of_unrated,
        VERIFIED,
    ),
    Route(
        "Site: rate in one click (no JavaScript)",
        lambda w: site(w).post(
            reverse("reviews:quick_rate", args=[w.unrated.slug]), {"rating": "9"}
        ),
        {"anonymous": LOGIN, "unverified": 403, **dict.fromkeys(VERIFIED, 302)},
        own_review_of_unrated,
        VERIFIED,
    ),
    Route(
        "Site: Watched in one click (no JavaScript)",
        lambda w: site(w).post(
            reverse("reviews:quick_status", args=[w.unrated.slug]),
            {"status": "watched", "on": "1"},
        ),
        {"anonymous": LOGIN, "unverified": 403, **dict.fromkeys(VERIFIED, 302)},
        own_review_of_unrated,
        VERIFIED,
    ),
    Route(
        "Site: change your rating of a film you rated",
        lambda w: site(w).post(
            reverse("reviews:edit", args=[w.rated.slug]),
            {"rating": "1", "status": "watched", "comment": "Changed"},
        ),
        # Everyone verified may post here, but only ever about their own row:
        # the owner's review changes for the owner alone.
        {"anonymous": LOGIN, "unverified": 403, **dict.fromkeys(VERIFIED, 302)},
        own_rating_of_rated,
        VERIFIED,
    ),
    Route(
        "Site: delete your rating",
        lambda w: site(w).post(reverse("reviews:delete", args=[w.rated.slug])),
        {
            "anonymous": LOGIN,
            # No rating of this film to delete: a 404, never someone else's row.
            **dict.fromkeys(["unverified", "other", "editor", "superuser"], 404),
            "owner": 302,
        },
        review_gone,
        ["owner"],
    ),
    Route(
        "Site: change your profile (settings)",
        lambda w: site(w).post(
            reverse("account_settings"), {"display_name": "Changed", "bio": ""}
        ),
        {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, 302)},
        own_display_name("Changed"),
        SIGNED_IN,
    ),
    Route(
        "Site: delete your account",
        lambda w: site(w).post(
            reverse("account_delete"), {"password": DEFAULT_PASSWORD}
        ),
        {
            "anonymous": LOGIN,
            **dict.fromkeys(["unverified", "owner", "other", "editor"], 302),
            "superuser": 403,  # the last superuser must not lock everyone out
        },
        own_account_gone,
        ["unverified", "owner", "other", "editor"],
    ),
    Route(
        "Site: add a film from TMDB",
        lambda w: site(w).post(reverse("films:import"), {"tmdb_id": 603}),
        # Refusals redirect too (to log in, or back with a message): the
        # database tells them apart.
        {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, 302)},
        film_imported,
        VERIFIED,
        needs_tmdb=True,
    ),
]

ROUTES += permission_routes_admin.routes(Route)
ROUTES += permission_routes_imports.routes(Route)
ROUTES += permission_routes_lists.routes(Route)
