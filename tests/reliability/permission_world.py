"""The permission matrix's world: its roles' data, the calls and their effects.

`World` holds the users (one per role) and the rows the routes act on;
`snapshot()` is everything a write route could change; `api`/`site` are the
clients each role calls with; the effect checks run after an allowed call.
Used by test_permission_matrix.py through permission_routes.py.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.test import Client
from rest_framework.test import APIClient

from accounts.tokens import MemberRefreshToken
from films.models import Film
from imports.models import LetterboxdImport, LetterboxdRow
from imports.testing import csv_text, csv_upload
from lists.models import List, ListEntry
from reviews.models import UserFilm, Viewing

from .admin_forms import film_form_data


@dataclass
class World:
    users: dict
    rated: Film  # the film `owner` rated
    unrated: Film  # a film nobody rated
    review: UserFilm  # owner's review of `rated`
    viewing: Viewing  # owner's viewing of `rated`
    import_row: LetterboxdRow = None  # owner's ambiguous row; `unrated` a candidate
    film_list: List = None  # owner's public list holding `rated`
    list_entry: ListEntry = None  # that entry
    private_list: List = None  # owner's private list (empty)
    actor: object = None

    @property
    def actor_pk(self):
        return getattr(self.actor, "pk", None)


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
        "imports": set(
            LetterboxdImport.objects.values_list("pk", "owner", "status", "matched")
        ),
        "import_rows": set(
            LetterboxdRow.objects.values_list("pk", "state", "film", "outcome")
        ),
        "lists": set(
            List.objects.values_list(
                "pk", "owner", "title", "slug", "description", "visibility", "ranked"
            )
        ),
        "list_entries": set(
            ListEntry.objects.values_list("pk", "list", "film", "position", "note")
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


def diary_upload(world):
    """A one-row diary.csv naming the film nobody rated."""
    row = {"Date": "2024-03-31", "Name": world.unrated.title, "Year": "2001"}
    row |= {"Rating": "4", "Watched Date": "2024-03-31"}
    return csv_upload("diary.csv", csv_text("diary.csv", [row]))


def import_row_url(world, *, api):
    row = world.import_row
    prefix = "/api/v1/imports" if api else "/accounts/import"
    return f"{prefix}/{row.letterboxd_import_id}/rows/{row.pk}/resolve/"


# --- effects of allowed calls -------------------------------------------------


def own_import_done(world, before, after):
    mine = LetterboxdImport.objects.filter(owner=world.actor).latest("pk")
    assert (mine.status, mine.matched, mine.created) == ("done", 1, 1)
    assert UserFilm.objects.get(user=world.actor, film=world.unrated).rating == 8


def import_row_resolved(world, before, after):
    row = LetterboxdRow.objects.get(pk=world.import_row.pk)
    assert (row.state, row.film) == ("matched", world.unrated)
    assert UserFilm.objects.filter(user=world.actor, film=world.unrated).exists()


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
