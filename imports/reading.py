"""Reading an upload: Letterboxd's export ZIP, or one of its CSV files.

Everything is checked before anything is saved: the upload's size, that it
is a ZIP or a CSV, that a ZIP would not unpack to more than
IMPORT_MAX_UNCOMPRESSED_BYTES in more than IMPORT_MAX_FILES files (judged
from its directory, then enforced while reading, since a directory can lie),
that every CSV is UTF-8 and has the columns we read. A refused upload raises
ExportInvalid with a sentence naming the file, line or column at fault.
"""

import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lists.models import MAX_LISTS

from .csv_rows import ExportInvalid, Problem, Record, records_from_csv, source_of_csv
from .import_layout import is_import_layout, records_from_import_csv
from .list_files import ListFile, is_list_file, list_file_read
from .models import LetterboxdRow

Source = LetterboxdRow.Source
IMPORTED = {source.label: source for source in Source}  # "diary.csv" → DIARY
# Parts of the export that are read but not imported, and why. Stored in
# English and translated when shown (the report is read in any language).
NOT_NEEDED = {
    "profile.csv": gettext_noop("Your Letterboxd profile is not imported."),
    "comments.csv": gettext_noop(
        "Comments on others' reviews and lists are not imported."
    ),
    "likes": gettext_noop("Likes are not imported."),
    "deleted": gettext_noop("Deleted entries are not imported."),
    "orphaned": gettext_noop("Orphaned entries are not imported."),
}
NOT_LETTERBOXD = gettext_noop("Not a file of a Letterboxd export.")
LISTS_DIRECTORY = "lists"
# Our own export's copy of the history in Letterboxd's import layout, left
# out when the ZIP has the export's own files, which say more. A ZIP without
# them may hold CSVs in the import layout (anywhere): those are read.
IMPORT_LAYOUT_DIRECTORY = "for-letterboxd"
SAID_ELSEWHERE = gettext_noop(
    "The same history is read from diary.csv and the export's other files."
)


@dataclass
class Export:
    """What an upload holds: readable rows, files left out, unreadable rows."""

    records: list[Record] = field(default_factory=list)
    ignored: list[dict] = field(default_factory=list)  # {"file", "reason"}
    problems: list[Problem] = field(default_factory=list)
    lists: list[ListFile] = field(default_factory=list)


def _upload_size(upload):
    size = getattr(upload, "size", None)
    if size is None:
        position = upload.tell()
        size = upload.seek(0, 2)
        upload.seek(position)
    return size


def _text(path, content):
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ExportInvalid(
            _(
                "%(file)s is not UTF-8 text (byte %(position)d is not valid "
                "UTF-8). Export it from Letterboxd again, or save it as UTF-8."
            )
            % {"file": path, "position": e.start + 1}
        ) from e


def _add_list(export, *, path, text):
    """A `lists/<name>.csv` into the export (imports.list_files reads it)."""
    if len(export.lists) >= MAX_LISTS:
        reason = _(
            "A member has at most %(max)d lists: this list file was not imported."
        ) % {"max": MAX_LISTS}
        export.ignored.append({"file": path, "reason": reason})
        return
    list_file = list_file_read(path, text)
    export.lists.append(list_file)
    export.problems += list_file.problems


def _add_csv(export, *, source, path, content):
    records, problems = records_from_csv(
        source=source, path=path, text=_text(path, content)
    )
    export.records += records
    export.problems += problems


def _add_import_layout(export, *, path, content):
    text = _text(path, content)
    if not is_import_layout(text):
        export.ignored.append({"file": path, "reason": NOT_LETTERBOXD})
        return
    records, problems = records_from_import_csv(path=path, text=text)
    export.records += records
    export.problems += problems


def _read_csv(name, text):
    """A lone CSV upload: one of the export's files, a list, or the import layout."""
    export = Export()
    source = source_of_csv(filename=name, text=text)
    if source is None and is_list_file(text):
        _add_list(export, path=f"{LISTS_DIRECTORY}/{name}", text=text)
        return export
    if is_import_layout(text):
        export.records, export.problems = records_from_import_csv(path=name, text=text)
        return export
    if source is None:
        raise ExportInvalid(
            _(
                "%(file)s is not one of Letterboxd's files: name it "
                "diary.csv, ratings.csv, watched.csv, watchlist.csv or "
                "reviews.csv, or use Letterboxd's import columns (Title, "
                "Year, WatchedDate, Rating10, Review)."
            )
            % {"file": name}
        )
    export.records, export.problems = records_from_csv(
        source=source, path=name, text=text
    )
    return export


def _too_big_message():
    return _(
        "The ZIP would unpack to more than %(size)s or %(files)d files, more "
        "than any Letterboxd export: it was not opened."
    ) % {
        "size": filesizeformat(settings.IMPORT_MAX_UNCOMPRESSED_BYTES),
        "files": settings.IMPORT_MAX_FILES,
    }


def _zip_paths(infos):
    """{info: path as the export names it}: a single wrapping folder dropped."""
    names = {info: info.filename.replace("\\", "/").lstrip("/") for info in infos}
    tops = {name.split("/", 1)[0] for name in names.values()}
    at_root = any("/" not in name for name in names.values())
    # (Not `lists/` itself: an export of nothing but lists.)
    if len(tops) == 1 and not at_root and tops != {LISTS_DIRECTORY}:
        cut = len(tops.pop()) + 1  # letterboxd-name-2024-utc/diary.csv
        names = {info: name[cut:] for info, name in names.items()}
    return names


def _read_member(archive, info, budget):
    """The member's bytes, never more than `budget` (ExportInvalid beyond)."""
    with archive.open(info) as member:
        content = member.read(budget + 1)
    if len(content) > budget:
        raise ExportInvalid(_too_big_message())
    return content


def _read_zip(upload):
    export = Export()
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            declared = sum(info.file_size for info in infos)
            if (
                len(infos) > settings.IMPORT_MAX_FILES
                or declared > settings.IMPORT_MAX_UNCOMPRESSED_BYTES
            ):
                raise ExportInvalid(_too_big_message())
            budget = settings.IMPORT_MAX_UNCOMPRESSED_BYTES
            paths = sorted(_zip_paths(infos).items(), key=lambda p: p[1])
            has_export_files = any(path in IMPORTED for _info, path in paths)
            for info, path in paths:
                top = path.split("/", 1)[0]
                if path in IMPORTED:
                    content = _read_member(archive, info, budget)
                    budget -= len(content)
                    _add_csv(export, source=IMPORTED[path], path=path, content=content)
                elif top == LISTS_DIRECTORY and path.lower().endswith(".csv"):
                    content = _read_member(archive, info, budget)
                    budget -= len(content)
                    _add_list(export, path=path, text=_text(path, content))
                elif top in NOT_NEEDED:
                    export.ignored.append({"file": path, "reason": NOT_NEEDED[top]})
                elif top == IMPORT_LAYOUT_DIRECTORY and has_export_files:
                    export.ignored.append({"file": path, "reason": SAID_ELSEWHERE})
                elif path.lower().endswith(".csv") and not has_export_files:
                    # Perhaps Letterboxd's import layout (ours, another tool's).
                    content = _read_member(archive, info, budget)
                    budget -= len(content)
                    _add_import_layout(export, path=path, content=content)
                else:
                    export.ignored.append({"file": path, "reason": NOT_LETTERBOXD})
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as e:
        raise ExportInvalid(
            _("The ZIP file is damaged or uses a format we cannot open.")
        ) from e
    except RuntimeError as e:  # zipfile's "encrypted, password required"
        raise ExportInvalid(_("The ZIP file is password-protected.")) from e
    return export


def export_read(upload):
    """Read an upload (a file object with a `name`) into an Export.

    Raises ExportInvalid: too large, neither a ZIP nor a CSV, a ZIP bomb, a
    CSV that is not UTF-8 or lacks a column, or nothing to import.
    """
    name = posixpath.basename(str(getattr(upload, "name", "") or "upload"))
    size = _upload_size(upload)
    if size > settings.IMPORT_MAX_UPLOAD_BYTES:
        raise ExportInvalid(
            _("The file is %(size)s; the largest file you can import is %(limit)s.")
            % {
                "size": filesizeformat(size),
                "limit": filesizeformat(settings.IMPORT_MAX_UPLOAD_BYTES),
            }
        )
    upload.seek(0)
    if zipfile.is_zipfile(upload):
        upload.seek(0)
        export = _read_zip(upload)
    elif name.lower().endswith(".csv"):
        upload.seek(0)
        export = _read_csv(name, _text(name, upload.read()))
    else:
        raise ExportInvalid(
            _(
                "%(file)s is neither a ZIP nor a CSV file: upload the ZIP "
                "Letterboxd's export gives you, or one of its CSV files."
            )
            % {"file": name}
        )
    if not export.records and not export.lists:
        if export.problems:
            first = export.problems[0]
            raise ExportInvalid(
                _("No row could be read: %(file)s line %(line)d: %(reason)s.")
                % {"file": first.file, "line": first.line, "reason": first.reason}
            )
        raise ExportInvalid(
            _(
                "The export has no films to import (it needs diary.csv, "
                "ratings.csv, watched.csv, watchlist.csv or reviews.csv with rows)."
            )
        )
    return export
