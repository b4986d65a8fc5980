"""Reading Letterboxd's list files: `lists/<name>.csv` of the export ZIP.

Letterboxd writes each list as two tables in one CSV file:

    Letterboxd list export v7
    Date,Name,Tags,URL,Description
    2024-01-05,Best of 2023,,https://boxd.it/…,A few words

    Position,Name,Year,URL,Description
    1,Past Lives,2023,https://boxd.it/…,A note on this film

The banner line is optional here (tools that rewrite the file drop it); the
tables are found by their headers, so a description with line breaks cannot
shift them. A list is ranked when its rows give positions (our own export
leaves them empty for unranked lists); its films are in the order of their
positions, else of the file. Descriptions and notes are Letterboxd's markup
(`<i>`, `<br>`), read as plain text like reviews. A file without the
columns read is refused as a whole (ExportInvalid naming the file and the
column); an unreadable row is a Problem and the others still import.
"""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from filmtracker.csv_cells import cell_unescape
from lists.models import DESCRIPTION_MAX_LENGTH, MAX_ENTRIES, NOTE_MAX_LENGTH
from lists.models import TITLE_MAX_LENGTH as LIST_TITLE_MAX_LENGTH

from .csv_rows import (
    NAME_MAX_LENGTH,
    ExportInvalid,
    Problem,
    RowInvalid,
    review_text,
    year_of,
)

BANNER = "Letterboxd list export"
LIST_COLUMNS = ("Name", "Description")  # of Date, Name, Tags, URL, Description
ENTRY_COLUMNS = ("Position", "Name", "Year", "Description")  # and URL


@dataclass(frozen=True)
class ListEntryRecord:
    """One film of a list file: `position` is its place in the list, 1..N."""

    line: int
    position: int
    name: str
    year: int | None
    note: str = ""
    letterboxd_uri: str = ""


@dataclass
class ListFile:
    """A list file read: the list's own fields and its films, in order."""

    file: str
    title: str
    description: str = ""
    ranked: bool = False
    entries: list[ListEntryRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def is_list_file(text):
    """Whether CSV `text` is a Letterboxd list (its banner or its first header)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    return first.startswith(BANNER) or first.startswith("Date,Name,Tags,URL")


def _plain(text, max_length):
    return review_text(cell_unescape(text or "")).replace("\x00", "")[:max_length]


def _missing(path, header, columns, message):
    for column in columns:
        if column not in header:
            raise ExportInvalid(message % {"file": path, "column": column})


def _rows(reader):
    """(line, fields) of the non-blank rows."""
    for fields in reader:
        if any(cell.strip() for cell in fields):
            yield reader.line_num, fields


def _entry(row, line):
    name = " ".join(cell_unescape(row["Name"] or "").split())
    if not name:
        raise RowInvalid(_("the film has no name"))
    if len(name) > NAME_MAX_LENGTH:
        raise RowInvalid(_("the film's name is too long"))
    position = (row["Position"] or "").strip()
    if position and not (position.isdigit() and int(position) >= 1):
        raise RowInvalid(
            _("the position “%(value)s” is not a number from 1")
            % {"value": position[:20]}
        )
    return {
        "line": line,
        "position": int(position) if position else None,
        "name": name,
        "year": year_of(row["Year"]),
        "note": _plain(row["Description"], NOTE_MAX_LENGTH).strip(),
        "letterboxd_uri": (row.get("URL") or "").strip()[:255],
    }


def list_file_read(path, text):
    """The ListFile in `text` (a list file's CSV, named `path` in messages).

    Raises ExportInvalid: no list header (Name, Description), no films
    header (Position, Name, Year, Description), or CSV that cannot be
    tokenised. Films past MAX_ENTRIES (5,000) are left out with a Problem.
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        rows = _rows(reader)
        line, fields = next(rows, (0, []))
        if fields and fields[0].strip().startswith(BANNER):
            line, fields = next(rows, (0, []))
        header = [cell.strip() for cell in fields]
        _missing(
            path,
            header,
            LIST_COLUMNS,
            _("%(file)s has no “%(column)s” column in the list's header."),
        )
        line, fields = next(rows, (0, []))
        if len(fields) != len(header):
            raise ExportInvalid(
                _("%(file)s has no row for the list under its header.") % {"file": path}
            )
        values = dict(zip(header, fields, strict=True))
        title = " ".join(cell_unescape(values["Name"]).replace("\x00", "").split())
        list_file = ListFile(
            file=path,
            title=title[:LIST_TITLE_MAX_LENGTH] or path.rsplit("/", 1)[-1][:-4],
            description=_plain(values["Description"], DESCRIPTION_MAX_LENGTH).strip(),
        )
        line, fields = next(rows, (0, []))
        header = [cell.strip() for cell in fields]
        _missing(
            path,
            header,
            ENTRY_COLUMNS,
            _("%(file)s has no “%(column)s” column in the films' header."),
        )
        entries = []
        for line, fields in rows:
            if len(fields) != len(header):
                reason = _("expected %(expected)d fields, found %(found)d") % {
                    "expected": len(header),
                    "found": len(fields),
                }
                list_file.problems.append(Problem(path, line, reason))
                continue
            try:
                entries.append(_entry(dict(zip(header, fields, strict=True)), line))
            except RowInvalid as e:
                list_file.problems.append(Problem(path, line, str(e)))
    except csv.Error as e:
        raise ExportInvalid(
            _("%(file)s cannot be read as CSV at line %(line)d: %(error)s")
            % {"file": path, "line": reader.line_num, "error": e}
        ) from e
    return _ordered(list_file, entries)


def _ordered(list_file, entries):
    list_file.ranked = any(entry["position"] is not None for entry in entries)
    # By position (rows without one after those with), else file order.
    entries.sort(key=lambda e: (e["position"] is None, e["position"] or 0, e["line"]))
    if len(entries) > MAX_ENTRIES:
        list_file.problems.append(
            Problem(
                list_file.file,
                entries[MAX_ENTRIES]["line"],
                _(
                    "a list holds at most %(max)d films: this one and the %(rest)d "
                    "after it were not imported"
                )
                % {"max": MAX_ENTRIES, "rest": len(entries) - MAX_ENTRIES - 1},
            )
        )
        del entries[MAX_ENTRIES:]
    list_file.entries = [
        ListEntryRecord(**(entry | {"position": place}))
        for place, entry in enumerate(entries, start=1)
    ]
    return list_file
