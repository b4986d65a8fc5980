"""Letterboxd's CSV files, row by row: their columns, and what a row means.

Each file kind has the columns Letterboxd's export writes (see the README's
"Importing from Letterboxd"); a file without one of the columns we read is
refused as a whole, naming the file and the column. A row that cannot be read
(wrong number of fields, a year or rating or date that is not one) becomes a
problem naming the file and line, and the other rows still import.
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
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p>", re.IGNORECASE)


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
    date); `review` plain text.
    """

    source: str
    line: int
    name: str
    year: int | None
    letterboxd_uri: str = ""
    watched_on: datetime.date | None = None
    rating: int | None = None
    review: str = ""


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


def _year(text):
    text = (text or "").strip()
    if not text:
        return None  # Letterboxd leaves some films without a year
    if not (text.isdigit() and FILM_YEAR_MIN <= int(text) <= FILM_YEAR_MAX):
        raise RowInvalid(_("the year “%(value)s” is not a year") % {"value": text[:20]})
    return int(text)


def _date(text, column):
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
    name = " ".join((row["Name"] or "").split())
    if not name:
        raise RowInvalid(_("the film has no name"))
    if len(name) > NAME_MAX_LENGTH:
        raise RowInvalid(_("the film's name is too long"))
    values = {
        "source": source,
        "line": line,
        "name": name,
        "year": _year(row["Year"]),
        "letterboxd_uri": (row.get("Letterboxd URI") or "").strip()[:255],
    }
    if "Rating" in REQUIRED_COLUMNS[source]:
        values["rating"] = rating_from_stars(row["Rating"])
    if source in (Source.DIARY, Source.REVIEWS):
        values["watched_on"] = _date(row["Watched Date"], "Watched Date") or _date(
            row["Date"], "Date"
        )
        if values["watched_on"] is None:
            raise RowInvalid(_("the row has no date"))
    if source == Source.REVIEWS:
        values["review"] = review_text(row["Review"])
    return Record(**values)


def records_from_csv(*, source, path, text):
    """(records, problems) of one CSV file's `text`.

    Raises ExportInvalid when a needed column is missing or the CSV cannot be
    tokenised at all (`path` is the name the messages use).
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [column.strip() for column in next(reader, [])]
        missing = [c for c in REQUIRED_COLUMNS[source] if c not in header]
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
                row = dict(zip(header, fields, strict=True))
                records.append(_record(source, row, start))
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
    header = {c.strip() for c in next(csv.reader(io.StringIO(text)), [])}
    if "Review" in header:
        return Source.REVIEWS
    if "Watched Date" in header:
        return Source.DIARY
    if "Rating" in header:
        return Source.RATINGS
    return None
