"""A member's lists in their own exports (registered in exports.hooks).

Every list of the member's goes out, private ones too: an export is only
ever its owner's (exports checks who asks). Two queries whatever the number
of lists and films: the lists, then all their entries in list order, merged
side by side.

- The full JSON export's `lists` section (member_lists_for_export).
- The Letterboxd ZIP's `lists/<slug>.csv` (member_list_files), in the layout
  of Letterboxd's own list export, which FilmTracker's import reads back:
  a ranked list's films carry their positions, an unranked list's have none
  (that is how the import tells them apart). `tmdbID` and `imdbID` follow
  Letterboxd's columns, as in the other files of the ZIP. Descriptions and
  notes are written as Letterboxd's markup (exports.letterboxd.review_markup).
"""

from django.urls import reverse
from django.utils import timezone

from accounts.time_zones import member_zone
from exports.full import film_data
from exports.letterboxd import EXTRA_COLUMNS, review_markup
from exports.selectors import CHUNK_SIZE, FILM_FIELDS

from .models import List, ListEntry

BANNER = "Letterboxd list export v7"
LIST_COLUMNS = ["Date", "Name", "Tags", "URL", "Description"]
ENTRY_COLUMNS = ["Position", "Name", "Year", "URL", "Description", *EXTRA_COLUMNS]


def _lists_with_entries(user):
    """(list, [entries by position]) of each of `user`'s lists, oldest first."""
    lists = List.objects.filter(owner=user).order_by("pk")
    entries = (
        ListEntry.objects.filter(list__owner=user)
        .select_related("film")
        .only("list_id", "position", "note", *FILM_FIELDS)
        .order_by("list_id", "position")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    entry = next(entries, None)
    for film_list in lists:
        film_list.owner = user  # for its URL, without a query
        held = []
        while entry is not None and entry.list_id == film_list.pk:
            held.append(entry)
            entry = next(entries, None)
        yield film_list, held


def _path(film_list):
    return reverse(
        "lists:detail",
        kwargs={"username": film_list.owner.username, "slug": film_list.slug},
    )


def member_lists_for_export(*, user, base_url=""):
    """`user`'s lists as JSON values, oldest first (exports.hooks section).

    [{"title", "slug", "description" (plain text), "visibility" (public,
    unlisted, private), "ranked", "url", "created_at", "updated_at",
    "entries": [{"position" (1..N), "note", "film": {id, tmdb_id, imdb_id,
    title, original_title, year, release_date, url}}]}]
    """
    return [
        {
            "title": film_list.title,
            "slug": film_list.slug,
            "description": film_list.description,
            "visibility": film_list.visibility,
            "ranked": film_list.ranked,
            "url": base_url + _path(film_list),
            "created_at": film_list.created_at,
            "updated_at": film_list.updated_at,
            "entries": [
                {
                    "position": entry.position,
                    "note": entry.note,
                    "film": film_data(entry.film, base_url),
                }
                for entry in entries
            ],
        }
        for film_list, entries in _lists_with_entries(user)
    ]


def member_list_files(*, user):
    """(`lists/<slug>.csv`, rows) per list of `user`'s (exports.hooks files)."""
    zone = member_zone(user)
    for film_list, entries in _lists_with_entries(user):
        created = timezone.localtime(film_list.created_at, zone).date()
        rows = [
            [BANNER],
            LIST_COLUMNS,
            [
                created.isoformat(),
                film_list.title,
                "",
                "",
                review_markup(film_list.description),
            ],
            [],
            ENTRY_COLUMNS,
        ]
        for entry in entries:
            film = entry.film
            rows.append(
                [
                    entry.position if film_list.ranked else "",
                    film.title,
                    film.year,
                    "",
                    review_markup(entry.note),
                    film.tmdb_id,
                    film.imdb_id,
                ]
            )
        yield f"lists/{film_list.slug}.csv", rows
