"""Letterboxd's CSV files, row by row: their columns, and what a row means.

Each file kind has the columns Letterboxd's export writes (see the README's
"Importing from Letterboxd"); a file without one of the columns we read is
refused as a whole, naming the file and the column. A row that cannot be read
(wrong number of fields, a year or rating or date that is not one) becomes a
problem naming the file and line, and the other rows still import.

Besides Letterboxd's columns a file may carry `tmdbID` and `imdbID` (our own
exports write them, as Letterboxd's importer names them), and our diary.csv
a `Review` column with each viewing's note. Cells that our exports escaped
against CSV injection (a leading apostrophe before `=`, `+`, `-`, `@`, tab or
CR) are unescaped: Letterboxd writes no such apostrophe, so a title like
`'Round Midnight` is kept as it is (filmtracker.csv_cells).
"""

import csv
import datetime
import html
import io
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from films.years import FILM_YEAR_MAX, FILM_YEAR_MIN
from filmtracker.csv_cells import cell_unescape

from .models import LetterboxdRow

Source = LetterboxdRow.Source

# The columns read from each file (Letterboxd writes more: Tags, URI...).
REQUIRED_COLUMNS = {
    Source.DIARY: ("Date", "Name", "Year", "Rating", "Rewatch", "Watched Date"),
    Source.RATINGS: ("Date", "Name", "Year", "Rating"),
    Source.WATCHED: ("Date", "Name", "Year"),
    Source.WATCHLIST: ("Date", "Name", "Year"),
    Source.REVIEWS: ("Date", "Name", "Year", "Rating", "Review", "Watched Date"),
}
NAME_MAX_LENGTH = 500
TMDB_ID_COLUMN, IMDB_ID_COLUMN = "tmdbID", "imdbID"
NOTE_COLUMN = "Review"  # diary.csv: only in our own exports
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p>", re.IGNORECASE)
_IMDB_ID = re.compile(r"tt\d{1,10}")


class ExportInvalid(Exception):
    """The upload cannot be imported at all; `message` says why, for people."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class RowInvalid(ValueError):
    """One row cannot be read; the message says which field and why."""


@dataclass(frozen=True)
class Record:
    """One readable row: a film by name and year, and what the file says of it.

    `rating` is 1–10 (Letterboxd's ½–5 stars doubled); `watched_on` the day
    watched (diary, reviews; the logging date when Letterboxd has no watched
    date); `review` the film's review and `note` a viewing's (diary), both
    plain text; `file` the file's name when it is not the source's own.
    """

    source: str
    line: int
    name: str
    year: int | None
    letterboxd_uri: str = ""
    tmdb_id: int | None = None
    imdb_id: str = ""
    watched_on: datetime.date | None = None
    rating: int | None = None
    review: str = ""
    note: str = ""
    file: str = ""


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    reason: str

    def as_dict(self):
        return {"file": self.file, "line": self.line, "reason": self.reason}


def rating_from_stars(text):
    """'3.5' → 7; '' → None; RowInvalid unless ½ to 5 in halves."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        halves = float(text) * 2
    except ValueError:
        halves = None
    if halves is None or halves != int(halves) or not 1 <= halves <= 10:
        raise RowInvalid(
            _("the rating “%(value)s” is not ½ to 5 stars") % {"value": text[:20]}
        )
    return int(halves)


def year_of(text):
    text = (text or "").strip()
    if not text:
        return None  # Letterboxd leaves some films without a year
    if not (text.isdigit() and FILM_YEAR_MIN <= int(text) <= FILM_YEAR_MAX):
        raise RowInvalid(_("the year “%(value)s” is not a year") % {"value": text[:20]})
    return int(text)


def tmdb_id_of(text):
    """'603' → 603; '' → None; RowInvalid unless a positive whole number."""
    text = (text or "").strip()
    if not text:
        return None
    if not (text.isdigit() and 0 < int(text) < 2**31):
        raise RowInvalid(
            _("the tmdbID “%(value)s” is not a TMDB id") % {"value": text[:20]}
        )
    return int(text)


def imdb_id_of(text):
    """'tt0133093' → itself; '' → ''; RowInvalid unless an IMDb title id."""
    text = (text or "").strip()
    if text and not _IMDB_ID.fullmatch(text):
        raise RowInvalid(
            _("the imdbID “%(value)s” is not an IMDb id") % {"value": text[:20]}
        )
    return text


def film_name(text, *, required=True):
    """A film's name with its spaces tidied; RowInvalid if missing or too long."""
    name = " ".join((text or "").split())
    if not name and required:
        raise RowInvalid(_("the film has no name"))
    if len(name) > NAME_MAX_LENGTH:
        raise RowInvalid(_("the film's name is too long"))
    return name


def date_of(text, column):
    text = (text or "").strip()
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        pass
    raise RowInvalid(
        _("“%(column)s” is not a date (YYYY-MM-DD): “%(value)s”")
        % {"column": column, "value": text[:20]}
    )


def review_text(markup):
    """Letterboxd's review markup (`<i>`, `<b>`, `<br>`) as plain text."""
    text = _BREAK.sub("\n", markup or "")
    return html.unescape(strip_tags(text)).strip()


def _record(source, row, line):
    values = {
        "source": source,
        "line": line,
        "name": film_name(row["Name"]),
        "year": year_of(row["Year"]),
        "letterboxd_uri": (row.get("Letterboxd URI") or "").strip()[:255],
        "tmdb_id": tmdb_id_of(row.get(TMDB_ID_COLUMN)),
        "imdb_id": imdb_id_of(row.get(IMDB_ID_COLUMN)),
    }
    if "Rating" in REQUIRED_COLUMNS[source]:
        values["rating"] = rating_from_stars(row["Rating"])
    if source in (Source.DIARY, Source.REVIEWS):
        values["watched_on"] = date_of(row["Watched Date"], "Watched Date") or date_of(
            row["Date"], "Date"
        )
        if values["watched_on"] is None:
            raise RowInvalid(_("the row has no date"))
    if source == Source.REVIEWS:
        values["review"] = review_text(row["Review"])
    elif source == Source.DIARY:
        values["note"] = review_text(row.get(NOTE_COLUMN))
    return Record(**values)


def records_from_csv(*, source, path, text):
    """(records, problems) of one CSV file's `text` in Letterboxd's export layout.

    Raises ExportInvalid when a needed column is missing or the CSV cannot be
    tokenised at all (`path` is the name the messages use).
    """
    return csv_records(
        path=path,
        text=text,
        required=REQUIRED_COLUMNS[source],
        records_of=lambda row, line: [_record(source, row, line)],
    )


def csv_records(*, path, text, required, records_of, header_key=str):
    """(records, problems) of a CSV file: `records_of(row, line)` per row.

    `row` is {header_key(column): cell}, cells unescaped (see above);
    `records_of` returns a list of Records or raises RowInvalid, a problem
    of that line. A column of `required` (as header_key gives it) missing
    raises ExportInvalid, as does text that is not CSV.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [header_key(column.strip()) for column in next(reader, [])]
        missing = [c for c in required if c not in header]
        if missing:
            raise ExportInvalid(
                _("%(file)s has no “%(column)s” column in its first line.")
                % {"file": path, "column": missing[0]}
            )
        records, problems = [], []
        line = reader.line_num + 1
        for fields in reader:
            start, line = line, reader.line_num + 1
            if not any(field.strip() for field in fields):
                continue  # a blank line
            if len(fields) != len(header):
                reason = _("expected %(expected)d fields, found %(found)d") % {
                    "expected": len(header),
                    "found": len(fields),
                }
                problems.append(Problem(path, start, reason))
                continue
            try:
                row = dict(zip(header, map(cell_unescape, fields), strict=True))
                records += records_of(row, start)
            except RowInvalid as e:
                problems.append(Problem(path, start, str(e)))
    except csv.Error as e:
        raise ExportInvalid(
            _("%(file)s cannot be read as CSV at line %(line)d: %(error)s")
            % {"file": path, "line": reader.line_num, "error": e}
        ) from e
    return records, problems


def source_of_csv(*, filename, text):
    """Which Letterboxd file a lone CSV upload is: by its name, else its header.

    Returns a Source or None (watched.csv and watchlist.csv have the same
    columns, so a renamed one of those cannot be told).
    """
    base = filename.rsplit("/", 1)[-1].lower()
    for source in Source:
        if base == source.label or base.endswith(f"-{source.label}"):
            return source
    header = [c.strip() for c in next(csv.reader(io.StringIO(text)), [])]
    if "Review" in header and "Watched Date" in header:
        # Our own diary.csv adds the viewings' notes as a last Review column.
        ours = header.index(NOTE_COLUMN) > header.index("Watched Date")
        return Source.DIARY if ours else Source.REVIEWS
    if "Review" in header:
        return Source.REVIEWS
    if "Watched Date" in header:
        return Source.DIARY
    if "Rating" in header:
        return Source.RATINGS
    return None
