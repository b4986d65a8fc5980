"""The permission matrix's rows for lists (site and API): see permission_routes.py.

The world's owner has a public list holding the rated film (`film_list`,
its entry `list_entry`) and a private one (`private_list`).
"""

from django.urls import reverse

from lists.models import List, ListEntry

from .permission_world import api, site

ROLES_OTHER = ["other", "editor", "superuser"]
VERIFIED = ["owner", *ROLES_OTHER]


def _list_url(world):
    return f"/api/v1/lists/{world.film_list.pk}/"


def _entries_url(world):
    return f"{_list_url(world)}entries/"


def _entry_url(world):
    return f"{_entries_url(world)}{world.list_entry.pk}/"


def own_list_titled(title):
    def check(world, before, after):
        assert List.objects.filter(owner=world.actor, title=title).count() == 1
        assert List.objects.get(pk=world.film_list.pk).title == "Owner's list"

    return check


def list_is(**values):
    def check(world, before, after):
        film_list = List.objects.get(pk=world.film_list.pk)
        assert {name: getattr(film_list, name) for name in values} == values

    return check


def list_gone(world, before, after):
    assert not List.objects.filter(pk=world.film_list.pk).exists()
    assert List.objects.filter(pk=world.private_list.pk).exists()


def unrated_in_list(world, before, after):
    rows = world.film_list.entries.order_by("position")
    assert list(rows.values_list("film_id", "position")) == [
        (world.rated.pk, 1),
        (world.unrated.pk, 2),
    ]


def entry_note_is(note):
    def check(world, before, after):
        assert ListEntry.objects.get(pk=world.list_entry.pk).note == note

    return check


def entry_gone(world, before, after):
    assert not ListEntry.objects.filter(pk=world.list_entry.pk).exists()
    assert List.objects.filter(pk=world.film_list.pk).exists()


OWNER_ONLY_API = {
    "anonymous": 401,
    "unverified": 403,
    "owner": None,  # filled per route
    **dict.fromkeys(ROLES_OTHER, 403),
}


def owner_only_api(status):
    return {**OWNER_ONLY_API, "owner": status}


def owner_only_site(*, unverified=403):
    return {
        "anonymous": "login",
        "unverified": unverified,
        "owner": 302,
        **dict.fromkeys(ROLES_OTHER, 404),
    }


def routes(Route):
    """The list rows, built with permission_routes.Route (no import circle)."""
    return [
        Route(
            "API: make a list",
            lambda w: api(w).post("/api/v1/lists/", {"title": "New"}, format="json"),
            {"anonymous": 401, "unverified": 403, **dict.fromkeys(VERIFIED, 201)},
            own_list_titled("New"),
            VERIFIED,
        ),
        Route(
            "API: change a list",
            lambda w: api(w).patch(_list_url(w), {"title": "Changed"}, format="json"),
            owner_only_api(200),
            list_is(title="Changed"),
            ["owner"],
        ),
        Route(
            "API: change a private list",
            lambda w: api(w).patch(
                f"/api/v1/lists/{w.private_list.pk}/", {"ranked": True}, format="json"
            ),
            {**owner_only_api(200), **dict.fromkeys(ROLES_OTHER, 404)},
            None,
            ["owner"],
        ),
        Route(
            "API: delete a list",
            lambda w: api(w).delete(_list_url(w)),
            owner_only_api(204),
            list_gone,
            ["owner"],
        ),
        Route(
            "API: add a film to a list",
            lambda w: api(w).post(
                _entries_url(w), {"film": w.unrated.pk}, format="json"
            ),
            owner_only_api(201),
            unrated_in_list,
            ["owner"],
        ),
        Route(
            "API: move a film in a list / change its note",
            lambda w: api(w).patch(
                _entry_url(w), {"position": 1, "note": "Moved"}, format="json"
            ),
            owner_only_api(200),
            entry_note_is("Moved"),
            ["owner"],
        ),
        Route(
            "API: remove a film from a list",
            lambda w: api(w).delete(_entry_url(w)),
            owner_only_api(204),
            entry_gone,
            ["owner"],
        ),
        Route(
            "Site: make a list",
            lambda w: site(w).post(
                reverse("lists:create"), {"title": "New", "visibility": "public"}
            ),
            {"anonymous": "login", "unverified": 403, **dict.fromkeys(VERIFIED, 302)},
            own_list_titled("New"),
            VERIFIED,
        ),
        Route(
            "Site: edit a list",
            lambda w: site(w).post(
                reverse("lists:edit", args=[w.film_list.pk]),
                {"title": "Changed", "visibility": "private"},
            ),
            owner_only_site(),
            list_is(title="Changed", visibility="private"),
            ["owner"],
        ),
        Route(
            "Site: delete a list",
            lambda w: site(w).post(reverse("lists:delete", args=[w.film_list.pk])),
            # Removing one's own data needs no verified email: the unverified
            # member has no such list, so a 404.
            owner_only_site(unverified=404),
            list_gone,
            ["owner"],
        ),
        Route(
            "Site: add a film to a list",
            lambda w: site(w).post(
                reverse("lists:entry_add"),
                {"list": w.film_list.pk, "film": w.unrated.pk},
            ),
            owner_only_site(),
            unrated_in_list,
            ["owner"],
        ),
        Route(
            "Site: move a film in a list / change its note",
            lambda w: site(w).post(
                reverse("lists:entry_update", args=[w.film_list.pk, w.list_entry.pk]),
                {"position": "1", "note": "Moved"},
            ),
            owner_only_site(),
            entry_note_is("Moved"),
            ["owner"],
        ),
        Route(
            "Site: remove a film from a list",
            lambda w: site(w).post(
                reverse("lists:entry_remove", args=[w.film_list.pk, w.list_entry.pk])
            ),
            owner_only_site(unverified=404),
            entry_gone,
            ["owner"],
        ),
    ]
