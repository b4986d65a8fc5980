"""Letterboxd's *import* layout: the CSV that Letterboxd's own importer reads.

Other tools write it for Letterboxd, and so does our export
(`for-letterboxd/films-import.csv`, `for-letterboxd/watchlist-import.csv`).
Its columns are named case-insensitively and all optional but one that
identifies the film: `Title`, `tmdbID`, `imdbID`; then `Year`,
`WatchedDate`, `Rating10` (1–10) or `Rating` (½–5 stars), `Review`, and
`LetterboxdURI`, `Directors`, `Tags`, `Rewatch` (read but not used: rewatches
follow from the viewings' dates). Each row becomes the rows of Letterboxd's
export that say the same, so the rest of the import treats both alike:

- a dated row is a viewing (a diary.csv row) with its rating;
- an undated one marks the film watched (watched.csv) with its rating as the
  current one (ratings.csv);
- a Review is the film's review (reviews.csv): the latest per film, an
  undated row's counting as the latest (the layout cannot tell a viewing's
  note from a review, so a note comes in as the review).

A file whose name says "watchlist" is a watchlist: every row "want to watch".
"""

import csv
import io

from django.utils.translation import gettext as _

from .csv_rows import (
    Record,
    RowInvalid,
    csv_records,
    date_of,
    film_name,
    imdb_id_of,
    rating_from_stars,
    review_text,
    tmdb_id_of,
    year_of,
)
from .models import LetterboxdRow

Source = LetterboxdRow.Source
IDENTIFYING = ("title", "tmdbid", "imdbid")


def _header(text):
    first = next(csv.reader(io.StringIO(text, newline="")), [])
    return {column.strip().lower() for column in first}


def is_import_layout(text):
    """Whether CSV `text` is in Letterboxd's import layout (by its header).

    Letterboxd's export names its film column `Name`; the import layout
    names it `Title`, or has only ids.
    """
    header = _header(text)
    return "name" not in header and any(c in header for c in IDENTIFYING)


def is_watchlist_name(path):
    return "watchlist" in path.rsplit("/", 1)[-1].lower()


def _rating(row):
    text = (row.get("rating10") or "").strip()
    if not text:
        return rating_from_stars(row.get("rating"))
    if not (text.isdigit() and 1 <= int(text) <= 10):
        raise RowInvalid(_("the rating “%(value)s” is not 1 to 10") % {"value": text})
    return int(text)


def _records(row, line, *, path, watchlist):
    film = {
        "line": line,
        "file": path,
        "name": film_name(row.get("title"), required=False),
        "year": year_of(row.get("year")),
        "letterboxd_uri": (row.get("letterboxduri") or "").strip()[:255],
        "tmdb_id": tmdb_id_of(row.get("tmdbid")),
        "imdb_id": imdb_id_of(row.get("imdbid")),
    }
    if not (film["name"] or film["tmdb_id"] or film["imdb_id"]):
        raise RowInvalid(_("the film has no title, tmdbID or imdbID"))
    if watchlist:
        return [Record(source=Source.WATCHLIST, **film)]
    watched_on = date_of(row.get("watcheddate"), "WatchedDate")
    rating, review = _rating(row), review_text(row.get("review"))
    if watched_on is not None:
        records = [
            Record(source=Source.DIARY, watched_on=watched_on, rating=rating, **film)
        ]
    else:
        records = [Record(source=Source.WATCHED, **film)]
        if rating is not None:
            records.append(Record(source=Source.RATINGS, rating=rating, **film))
    if review:
        records.append(
            Record(source=Source.REVIEWS, watched_on=watched_on, review=review, **film)
        )
    return records


def records_from_import_csv(*, path, text):
    """(records, problems) of a CSV in Letterboxd's import layout.

    Raises ExportInvalid when the CSV cannot be read at all.
    """
    watchlist = is_watchlist_name(path)
    return csv_records(
        path=path,
        text=text,
        required=(),
        header_key=str.lower,
        records_of=lambda row, line: _records(
            row, line, path=path, watchlist=watchlist
        ),
    )
