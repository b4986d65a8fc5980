"""Who may change what: every write route of the site and the API × every role.

One table. For each route and role it says what the response must be and
whether the call may change anything; a refused call must leave the database
exactly as it was (users, profiles, films, ratings and reviews are compared
before and after). An allowed call must have its effect, checked per route.
The table is in permission_routes.py; users, calls and effects in
permission_world.py.

DRF checks object permissions only when a view fetches one object (retrieve,
update, delete), never on list or create: the create routes here are where a
missing check would show.
"""

import datetime

import pytest
from django.urls import reverse

from accounts.factories import EditorFactory, SuperuserFactory, UserFactory
from films.factories import FilmFactory
from imports.models import LetterboxdImport, LetterboxdRow
from lists.models import List, ListEntry
from reviews.factories import UserFilmFactory
from reviews.models import Viewing

from .permission_routes import LOGIN, ROLES, ROUTES
from .permission_world import World, snapshot

pytestmark = pytest.mark.django_db


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
    owner_import = LetterboxdImport.objects.create(
        owner=users["owner"], filename="diary.csv", status="done", total=1
    )
    import_row = LetterboxdRow.objects.create(
        letterboxd_import=owner_import,
        position=1,
        source="diary",
        line=2,
        name="Unrated",
        year=2001,
        watched_on=datetime.date(2024, 3, 30),
        state="ambiguous",
        candidates=[{"film": unrated.pk, "tmdb_id": None, "title": "Unrated"}],
    )
    film_list = List.objects.create(
        owner=users["owner"], title="Owner's list", slug="owners-list"
    )
    list_entry = ListEntry.objects.create(list=film_list, film=rated, position=1)
    private_list = List.objects.create(
        owner=users["owner"], title="Secret", slug="secret", visibility="private"
    )
    return World(
        users=users,
        rated=rated,
        unrated=unrated,
        review=review,
        viewing=viewing,
        import_row=import_row,
        film_list=film_list,
        list_entry=list_entry,
        private_list=private_list,
    )


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
