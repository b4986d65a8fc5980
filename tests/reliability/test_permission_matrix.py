"""Who may change what: every write route of the site and the API × every role.

One table. For each route and role it says what the response must be and
whether the call may change anything; a refused call must leave the database
exactly as it was (users, profiles, films, ratings and reviews are compared
before and after). An allowed call must have its effect, checked per route.

DRF checks object permissions only when a view fetches one object (retrieve,
update, delete), never on list or create: the create routes here are where a
missing check would show.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.factories import (
    DEFAULT_PASSWORD,
    EditorFactory,
    SuperuserFactory,
    UserFactory,
)
from accounts.tokens import MemberRefreshToken
from films.factories import FilmFactory
from films.models import Film
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm, Viewing

from .admin_forms import film_form_data

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "unverified", "owner", "other", "editor", "superuser"]
VERIFIED = ["owner", "other", "editor", "superuser"]
SIGNED_IN = ["unverified", *VERIFIED]
LOGIN = "login"  # a 302 to a login page (the site's or the admin's)


@dataclass
class World:
    users: dict
    rated: Film  # the film `owner` rated
    unrated: Film  # a film nobody rated
    review: UserFilm  # owner's review of `rated`
    viewing: Viewing  # owner's viewing of `rated`
    actor: object = None

    @property
    def actor_pk(self):
        return getattr(self.actor, "pk", None)


@pytest.fixture
def world():
    users = {
        "unverified": UserFactory(verified=False),
        "owner": UserFactory(display_name="Owner"),
        "other": UserFactory(),
        "editor": EditorFactory(),
        "superuser": SuperuserFactory(),
    }
    rated, unrated = FilmFactory(title="Rated"), FilmFactory(title="Unrated")
    review = UserFilmFactory(user=users["owner"], film=rated, rating=6, comment="Ok.")
    viewing = Viewing.objects.create(
        user=users["owner"], film=rated, watched_on=datetime.date(2024, 3, 31)
    )
    return World(
        users=users, rated=rated, unrated=unrated, review=review, viewing=viewing
    )


def snapshot():
    """Everything a write route here could change."""
    return {
        "users": set(
            get_user_model().objects.values_list(
                "pk", "username", "display_name", "bio", "is_active"
            )
        ),
        "films": set(Film.objects.values_list("pk", "tmdb_id", "title", "year")),
        "userfilms": set(
            UserFilm.objects.values_list(
                "pk", "user", "film", "rating", "status", "comment", "watched_on"
            )
        ),
        "viewings": set(
            Viewing.objects.values_list("pk", "user", "film", "watched_on", "rating")
        ),
    }


# --- calls ------------------------------------------------------------------


def api(world):
    client = APIClient()
    if world.actor is not None:
        token = MemberRefreshToken.for_user(world.actor).access_token
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def site(world):
    client = Client()
    if world.actor is not None:
        client.force_login(world.actor)
    return client


def film_form(world, film, **changes):
    admin = Client()
    admin.force_login(world.users["superuser"])
    return film_form_data(admin, film, **changes)


def userfilm_form(world, **changes):
    review = world.review
    return {
        "user": review.user_id,
        "film": review.film_id,
        "rating": review.rating,
        "status": review.status,
        "comment": review.comment,
        "watched_on": "",
        **changes,
    }


# --- effects of allowed calls -------------------------------------------------


def review_is(**values):
    def check(world, before, after):
        review = UserFilm.objects.get(pk=world.review.pk)
        assert {name: getattr(review, name) for name in values} == values

    return check


def review_gone(world, before, after):
    assert not UserFilm.objects.filter(pk=world.review.pk).exists()


def own_review_of_unrated(world, before, after):
    assert UserFilm.objects.filter(user=world.actor, film=world.unrated).exists()
    assert UserFilm.objects.get(pk=world.review.pk).rating == 6


def own_rating_of_rated(world, before, after):
    mine = UserFilm.objects.get(user=world.actor, film=world.rated)
    assert (mine.rating, mine.comment) == (2, "Changed")
    if world.actor != world.users["owner"]:
        assert UserFilm.objects.get(pk=world.review.pk).rating == 6


def own_viewing_of_unrated(world, before, after):
    assert Viewing.objects.filter(user=world.actor, film=world.unrated).count() == 1
    mine = UserFilm.objects.get(user=world.actor, film=world.unrated)
    assert (mine.status, mine.rating) == ("watched", 9)


def viewing_gone(world, before, after):
    assert not Viewing.objects.filter(pk=world.viewing.pk).exists()
    assert UserFilm.objects.filter(pk=world.review.pk).exists()


def own_display_name(name):
    def check(world, before, after):
        world.actor.refresh_from_db()
        assert world.actor.display_name == name
        owner = world.users["owner"]
        if world.actor != owner:
            owner.refresh_from_db()
            assert owner.display_name == "Owner"

    return check


def own_account_gone(world, before, after):
    assert not get_user_model().objects.filter(pk=world.actor_pk).exists()
    assert len(after["users"]) == len(before["users"]) - 1
    # Only the member's own rows go: the owner's review stays unless it is theirs.
    gone = {row for row in before["userfilms"] if row not in after["userfilms"]}
    assert {row[1] for row in gone} <= {world.actor_pk}


def film_imported(world, before, after):
    assert Film.objects.filter(tmdb_id=603).count() == 1


def film_titled(title):
    def check(world, before, after):
        assert Film.objects.filter(title=title).count() == 1
        assert len(after["films"]) >= len(before["films"])

    return check


def unrated_film_gone(world, before, after):
    assert not Film.objects.filter(pk=world.unrated.pk).exists()
    assert UserFilm.objects.filter(pk=world.review.pk).exists()


# --- the table ----------------------------------------------------------------


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


def is_login_redirect(response):
    location = response.get("Location", "")
    return response.status_code == 302 and (
        location.startswith(reverse("account_login"))
        or location.startswith(reverse("admin_login"))
    )


def test_every_role_has_an_expectation_on_every_route():
    for route in ROUTES:
        assert sorted(route.expected) == sorted(ROLES), route.name
        assert set(route.allowed) <= set(ROLES), route.name


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_permission_matrix(request, world, route, role):
    if route.needs_tmdb:
        request.getfixturevalue("fake_tmdb")
    world.actor = world.users.get(role)
    before = snapshot()
    response = route.call(world)
    after = snapshot()

    expected = route.expected[role]
    if expected == LOGIN:
        assert is_login_redirect(response), (
            response.status_code,
            response.get("Location"),
        )
    else:
        assert response.status_code == expected

    if role in route.allowed:
        assert after != before, "an allowed call changed nothing"
        if route.effect is not None:
            route.effect(world, before, after)
    else:
        assert after == before, "a refused call changed the database"
