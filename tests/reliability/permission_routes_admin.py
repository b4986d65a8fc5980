"""The permission matrix's rows for the editors' admin: see permission_routes.py."""

from django.urls import reverse

from .permission_world import (
    film_form,
    film_imported,
    film_titled,
    review_gone,
    review_is,
    site,
    unrated_film_gone,
    userfilm_form,
)

LOGIN = "login"  # as permission_routes.LOGIN (no import circle)


def routes(Route):
    """The admin rows, built with permission_routes.Route (no import circle)."""
    return [
        Route(
            "Admin: add a film from TMDB",
            lambda w: site(w).post(reverse("films_tmdb_import"), {"tmdb_id": 603}),
            {
                **dict.fromkeys(["anonymous", "unverified", "owner", "other"], LOGIN),
                "editor": 302,
                "superuser": 302,
            },
            film_imported,
            ["editor", "superuser"],
            needs_tmdb=True,
        ),
        Route(
            "Admin: add a film",
            lambda w: site(w).post(
                reverse("wagtailsnippets_films_film:add"),
                {
                    **film_form(w, w.unrated, title="Hand-made", slug="hand-made"),
                    "tmdb_id": "",
                },
            ),
            {
                **dict.fromkeys(["anonymous", "unverified", "owner", "other"], LOGIN),
                "editor": 302,
                "superuser": 302,
            },
            film_titled("Hand-made"),
            ["editor", "superuser"],
        ),
        Route(
            "Admin: edit a film",
            lambda w: site(w).post(
                reverse("wagtailsnippets_films_film:edit", args=[w.rated.pk]),
                film_form(w, w.rated, title="Renamed"),
            ),
            {
                **dict.fromkeys(["anonymous", "unverified", "owner", "other"], LOGIN),
                "editor": 302,
                "superuser": 302,
            },
            film_titled("Renamed"),
            ["editor", "superuser"],
        ),
        Route(
            "Admin: delete a film nobody rated",
            lambda w: site(w).post(
                reverse("wagtailsnippets_films_film:delete", args=[w.unrated.pk])
            ),
            {
                **dict.fromkeys(["anonymous", "unverified", "owner", "other"], LOGIN),
                "editor": 302,
                "superuser": 302,
            },
            unrated_film_gone,
            ["editor", "superuser"],
        ),
        Route(
            "Admin: edit a member's review",
            lambda w: site(w).post(
                reverse("reviews_userfilm_modeladmin_edit", args=[w.review.pk]),
                userfilm_form(w, comment="Moderated"),
            ),
            {
                **dict.fromkeys(["anonymous", "unverified", "owner", "other"], LOGIN),
                "editor": 302,
                "superuser": 302,
            },
            review_is(comment="Moderated"),
            ["editor", "superuser"],
        ),
        Route(
            "Admin: delete a member's review",
            lambda w: site(w).post(
                reverse("reviews_userfilm_modeladmin_delete", args=[w.review.pk])
            ),
            {
                **dict.fromkeys(["anonymous", "unverified", "owner", "other"], LOGIN),
                "editor": 302,
                "superuser": 302,
            },
            review_gone,
            ["editor", "superuser"],
        ),
    ]
