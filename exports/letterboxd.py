"""A member's history as Letterboxd's CSV rows, film by film (no queries here).

Two layouts go into the ZIP (exports.services), each for its reader:

- **Letterboxd's importer** (`for-letterboxd/`): the columns its import page
  recognises. `films-import.csv` has one row per viewing (a diary entry on
  Letterboxd, dated, with its own rating, rewatch flag and note as the
  review) and one row per film watched, rated or reviewed without a viewing;
  `watchlist-import.csv` is for the watchlist's own import. `tmdbID` (and
  `imdbID`) make Letterboxd match the exact film rather than guess by title.
- **Letterboxd's own export** (`diary.csv`, `ratings.csv`, `watched.csv`,
  `watchlist.csv`, `reviews.csv` at the top): what tools that read a
  Letterboxd export expect, this site's importer included. It carries what
  the importer layout cannot say apart: the current rating (ratings.csv)
  besides each viewing's, the review besides viewing notes, the watched
  status besides the diary. Each file keeps Letterboxd's columns in its
  order and adds `tmdbID` and `imdbID` (and `Review`, the viewing's note, in
  diary.csv) after them, named as Letterboxd's importer names them, so a
  reader can match films exactly and one that knows only Letterboxd's
  columns ignores them.

Letterboxd knows "watched" and "watchlist" only. A film is watched there
when it has viewings, the status watched, a rating, or a review (Letterboxd
marks any rated or reviewed film watched); else "want to watch" and
"watching" go to the watchlist, and "dropped" stays out (the full JSON
export keeps it). A want-to-watch entry's note is not a review and stays out.

Reviews and notes are plain text here, and Letterboxd's reviews are HTML-ish
markup (its export writes `<i>`, `<b>`, `<br>`): every Review cell is the
text HTML-escaped with its line breaks as `<br>` (review_markup), so a `<`
or `&` in a review stays text on Letterboxd, and an importer that strips
Letterboxd's tags and unescapes its entities gets the text back exactly.
"""

import html
import re

from django.utils import timezone

from accounts.time_zones import member_zone
from reviews.models import UserFilm

# --- Letterboxd's importer ---------------------------------------------------
IMPORT_FILMS_FILE = "for-letterboxd/films-import.csv"
IMPORT_WATCHLIST_FILE = "for-letterboxd/watchlist-import.csv"
IMPORT_FILM_COLUMNS = ["Title", "Year", "tmdbID", "imdbID", "Directors"]
IMPORT_FILMS_COLUMNS = [
    *IMPORT_FILM_COLUMNS,
    "WatchedDate",
    "Rating10",
    "Rewatch",
    "Review",
]
IMPORT_WATCHLIST_COLUMNS = IMPORT_FILM_COLUMNS

# --- Letterboxd's own export --------------------------------------------------
EXPORT_FILM_COLUMNS = ["Date", "Name", "Year", "Letterboxd URI"]
EXTRA_COLUMNS = ["tmdbID", "imdbID"]
DIARY_COLUMNS = [
    *EXPORT_FILM_COLUMNS,
    *["Rating", "Rewatch", "Tags", "Watched Date"],
    *EXTRA_COLUMNS,
    "Review",
]
RATINGS_COLUMNS = [*EXPORT_FILM_COLUMNS, "Rating", *EXTRA_COLUMNS]
WATCHED_COLUMNS = [*EXPORT_FILM_COLUMNS, *EXTRA_COLUMNS]
WATCHLIST_COLUMNS = [*EXPORT_FILM_COLUMNS, *EXTRA_COLUMNS]
REVIEWS_COLUMNS = [
    *EXPORT_FILM_COLUMNS,
    *["Rating", "Rewatch", "Review", "Tags", "Watched Date"],
    *EXTRA_COLUMNS,
]

# File name -> header, in the order the ZIP lists them.
FILES = {
    IMPORT_FILMS_FILE: IMPORT_FILMS_COLUMNS,
    IMPORT_WATCHLIST_FILE: IMPORT_WATCHLIST_COLUMNS,
    "diary.csv": DIARY_COLUMNS,
    "ratings.csv": RATINGS_COLUMNS,
    "watched.csv": WATCHED_COLUMNS,
    "watchlist.csv": WATCHLIST_COLUMNS,
    "reviews.csv": REVIEWS_COLUMNS,
}

WATCHLIST_STATUSES = {UserFilm.Status.WANT, UserFilm.Status.WATCHING}


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def review_markup(text):
    """Plain text as Letterboxd's review markup: HTML-escaped, `<br>` per line break."""
    return _LINE_BREAK.sub("<br>", html.escape(text or "", quote=False))


def stars(rating):
    """A 1-10 rating as Letterboxd writes stars: `4`, `3.5`; '' for None."""
    if rating is None:
        return ""
    return str(rating // 2) if rating % 2 == 0 else f"{rating / 2:.1f}"


def is_watched(history):
    """Whether Letterboxd would have `history`'s film as watched (see above)."""
    entry = history.entry
    if history.viewings:
        return True
    if entry is None or entry.status == UserFilm.Status.WANT:
        return False
    return entry.status == UserFilm.Status.WATCHED or bool(
        entry.rating is not None or entry.comment
    )


def is_on_watchlist(history):
    entry = history.entry
    return (
        entry is not None
        and entry.status in WATCHLIST_STATUSES
        and not is_watched(history)
    )


def entry_fits_latest_viewing(history):
    """Whether the entry's rating and review can ride on its latest viewing's
    importer row: the same rating (or none of its own) and no note there when
    there is a review. Else they get a row of their own, after the viewings."""
    entry, latest = history.entry, history.latest_viewing
    same_rating = entry.rating is None or entry.rating == latest.rating
    return same_rating and not (entry.comment and latest.note)


class Rows:
    """The rows of every file for one member; `for_history()` gives them per film.

    `directors` is {film id: "A, B"} (exports.selectors.export_directors).
    Dates logged ("Date") are on the member's calendar.
    """

    def __init__(self, *, user, directors):
        self.zone = member_zone(user)
        self.directors = directors

    def day(self, moment):
        return timezone.localtime(moment, self.zone).date().isoformat()

    def for_history(self, history):
        """{file name: [row, ...]} for one FilmHistory (files without rows left out)."""
        rows = {}
        if is_watched(history):
            rows[IMPORT_FILMS_FILE] = self.import_films(history)
            rows["diary.csv"] = [self.diary(history, v) for v in history.viewings]
            rows["watched.csv"] = [self.watched(history)]
            entry = history.entry
            if entry is not None and entry.rating is not None:
                rows["ratings.csv"] = [
                    [*self.film_cells(history, entry.updated_at), stars(entry.rating)]
                    + self.ids(history)
                ]
            if entry is not None and entry.comment:
                rows["reviews.csv"] = [self.review(history)]
        elif is_on_watchlist(history):
            rows[IMPORT_WATCHLIST_FILE] = [self.import_film_cells(history)]
            rows["watchlist.csv"] = [
                self.film_cells(history, history.entry.created_at) + self.ids(history)
            ]
        return {name: found for name, found in rows.items() if found}

    # --- cells shared by the rows

    def ids(self, history):
        film = history.film
        return [film.tmdb_id, film.imdb_id]

    def film_cells(self, history, logged):
        """Date, Name, Year, Letterboxd URI (unknown here: empty)."""
        film = history.film
        return [self.day(logged), film.title, film.year, ""]

    def import_film_cells(self, history):
        film = history.film
        return [
            film.title,
            film.year,
            film.tmdb_id,
            film.imdb_id,
            self.directors.get(film.pk, ""),
        ]

    # --- one file each

    def import_films(self, history):
        entry, film_cells = history.entry, self.import_film_cells(history)
        review = review_markup(entry.comment) if entry is not None else ""
        rows = [
            [
                *film_cells,
                v.watched_on,
                v.rating,
                _true(v.rewatch),
                review_markup(v.note),
            ]
            for v in history.viewings
        ]
        if entry is None:
            return rows
        if not rows:
            return [[*film_cells, entry.watched_on, entry.rating, "", review]]
        if entry_fits_latest_viewing(history):
            if entry.comment:
                rows[-1][-1] = review
        else:
            rows.append([*film_cells, "", entry.rating, "", review])
        return rows

    def diary(self, history, viewing):
        return [
            *self.film_cells(history, viewing.created_at),
            stars(viewing.rating),
            "Yes" if viewing.rewatch else "",
            "",
            viewing.watched_on,
            *self.ids(history),
            review_markup(viewing.note),
        ]

    def watched(self, history):
        entry, latest = history.entry, history.latest_viewing
        logged = entry.updated_at if entry is not None else latest.created_at
        return self.film_cells(history, logged) + self.ids(history)

    def review(self, history):
        entry, latest = history.entry, history.latest_viewing
        return [
            *self.film_cells(history, entry.updated_at),
            stars(entry.rating),
            "Yes" if latest is not None and latest.rewatch else "",
            review_markup(entry.comment),
            "",
            latest.watched_on if latest is not None else entry.watched_on,
            *self.ids(history),
        ]


def _true(flag):
    return "true" if flag else "false"
