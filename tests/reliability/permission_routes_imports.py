"""The permission matrix's rows for Letterboxd imports (site and API): see
permission_routes.py.

The world's owner has a finished import with one ambiguous row whose
candidate is the unrated film (`import_row`).
"""

from django.urls import reverse

from .permission_world import (
    api,
    diary_upload,
    import_row_resolved,
    import_row_url,
    own_import_done,
    site,
)

LOGIN = "login"  # as permission_routes.LOGIN (no import circle)
VERIFIED = ["owner", "other", "editor", "superuser"]
NOT_THEIRS = ["other", "editor", "superuser"]


def routes(Route):
    """The import rows, built with permission_routes.Route (no import circle)."""
    return [
        Route(
            "API: import a Letterboxd export",
            lambda w: api(w).post(
                "/api/v1/imports/", {"file": diary_upload(w)}, format="multipart"
            ),
            {"anonymous": 401, "unverified": 403, **dict.fromkeys(VERIFIED, 202)},
            own_import_done,
            VERIFIED,
        ),
        Route(
            "API: resolve a row of a Letterboxd import",
            lambda w: api(w).post(
                import_row_url(w, api=True), {"film": w.unrated.pk}, format="json"
            ),
            {
                "anonymous": 401,
                "unverified": 403,
                "owner": 200,
                **dict.fromkeys(NOT_THEIRS, 404),
            },
            import_row_resolved,
            ["owner"],
        ),
        Route(
            "Site: import a Letterboxd export",
            lambda w: site(w).post(
                reverse("imports:upload"), {"file": diary_upload(w)}
            ),
            {"anonymous": LOGIN, "unverified": 403, **dict.fromkeys(VERIFIED, 302)},
            own_import_done,
            VERIFIED,
        ),
        Route(
            "Site: resolve a row of a Letterboxd import",
            lambda w: site(w).post(
                import_row_url(w, api=False), {"film": w.unrated.pk}
            ),
            {
                "anonymous": LOGIN,
                "unverified": 403,
                "owner": 302,
                **dict.fromkeys(NOT_THEIRS, 404),
            },
            import_row_resolved,
            ["owner"],
        ),
    ]
