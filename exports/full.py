"""Everything of a member's, as one JSON-ready dict (data portability).

The shape is documented for the API in exports/api/serializers.py
(FullExportSerializer) and checked against it by the tests. Version 1.
"""

from django.utils import timezone

from .selectors import CHUNK_SIZE, export_entries, export_sections, export_viewings

FORMAT = "filmtracker-member-export"
VERSION = 1


def member_export_data(*, user, base_url=""):
    """`user`'s profile, entries, viewings and lists as a dict of JSON values.

    {"format", "version", "exported_at" (datetime, UTC), "profile": {...},
    "entries": [...], "viewings": [...], "lists": [...]}. Entries carry the
    status, the current rating (1-10, and `stars` ½-5), the review
    (`comment`) and the entry's watch date; viewings their date, rating,
    note and `rewatch`. Each names its film (ids, titles, year, page `url`:
    `base_url` + the path, e.g. "https://films.example"). Dates are
    datetime.date, moments aware datetimes: encode with DjangoJSONEncoder.
    Sections other apps register (exports.hooks) are added as top-level
    keys; "lists" is the lists app's (lists/exports.py). Three queries
    whatever the history's length, plus the registered sections'.
    """
    entries = export_entries(user=user).iterator(chunk_size=CHUNK_SIZE)
    viewings = export_viewings(user=user).iterator(chunk_size=CHUNK_SIZE)
    data = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now(),
        "profile": profile_data(user),
        "entries": [entry_data(entry, base_url) for entry in entries],
        "viewings": [viewing_data(viewing, base_url) for viewing in viewings],
        "lists": [],
    }
    data.update(export_sections(user=user, base_url=base_url))
    return data


def profile_data(user):
    return {
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "bio": user.bio,
        "language": user.language,
        "time_zone": user.time_zone,
        "date_joined": user.date_joined,
    }


def film_data(film, base_url):
    return {
        "id": film.pk,
        "tmdb_id": film.tmdb_id,
        "imdb_id": film.imdb_id,
        "title": film.title,
        "original_title": film.original_title,
        "year": film.year,
        "release_date": film.release_date,
        "url": base_url + film.get_absolute_url(),
    }


def stars(rating):
    return None if rating is None else rating / 2


def entry_data(entry, base_url):
    return {
        "film": film_data(entry.film, base_url),
        "status": entry.status,
        "rating": entry.rating,
        "stars": stars(entry.rating),
        "comment": entry.comment,
        "watched_on": entry.watched_on,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
    }


def viewing_data(viewing, base_url):
    return {
        "film": film_data(viewing.film, base_url),
        "watched_on": viewing.watched_on,
        "rating": viewing.rating,
        "stars": stars(viewing.rating),
        "note": viewing.note,
        "rewatch": viewing.rewatch,
        "created_at": viewing.created_at,
    }
