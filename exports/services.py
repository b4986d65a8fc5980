"""A member's exports as files: the Letterboxd ZIP and the full JSON.

`letterboxd_export_write(*, user, file)` writes the ZIP into a binary file
object, reading the member's history once (a constant number of queries)
and never holding more than one film's rows in memory: each CSV is spooled
to its own temporary file (in memory while small, on disk beyond
SPOOL_MAX_BYTES) and then copied into the ZIP.
"""

import io
import json
import shutil
import tempfile
import zipfile
from contextlib import ExitStack

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

from accounts.time_zones import member_today
from filmtracker.slugs import filename_from

from . import hooks, letterboxd
from .csv_cells import SafeWriter
from .full import member_export_data
from .selectors import export_directors, film_histories

SPOOL_MAX_BYTES = 1024 * 1024
README_FILE = "README.txt"
ZIP_CONTENT_TYPE = "application/zip"
JSON_CONTENT_TYPE = "application/json"


def export_filename(*, user, kind, extension):
    """`filmtracker-<kind>-<username>-<YYYY-MM-DD>.<extension>`, in ASCII.

    The date is the member's today (their time zone); a username in another
    script is transliterated (filmtracker.slugs.filename_from).
    """
    day = member_today(user).isoformat()
    return filename_from(
        f"filmtracker-{kind}-{user.username}-{day}",
        extension=extension,
        max_length=120,
        fallback=f"filmtracker-{kind}-{day}",
    )


def letterboxd_export_filename(*, user):
    return export_filename(user=user, kind="letterboxd", extension="zip")


def letterboxd_export_write(*, user, file):
    """Write `user`'s history as a Letterboxd ZIP into `file` (binary, writable).

    Files (UTF-8 without a byte-order mark, a header row, comma-separated,
    dates YYYY-MM-DD; see exports.letterboxd for the columns and what goes
    where): README.txt, for-letterboxd/films-import.csv and
    for-letterboxd/watchlist-import.csv (for Letterboxd's importer),
    diary.csv, ratings.csv, watched.csv, watchlist.csv and reviews.csv
    (Letterboxd's own export layout), plus files other apps register
    (exports.hooks, e.g. lists/<name>.csv). Every file is there, with its
    header, even without rows. Returns None.
    """
    rows = letterboxd.Rows(user=user, directors=export_directors(user=user))
    with ExitStack() as stack:
        writers, spools = {}, {}
        for name, header in letterboxd.FILES.items():
            spool = stack.enter_context(
                tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX_BYTES)
            )
            text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
            stack.callback(text.detach)  # the spool closes itself, once
            spools[name], writers[name] = (spool, text), SafeWriter(text)
            writers[name].writerow(header)
        for history in film_histories(user=user):
            for name, file_rows in rows.for_history(history).items():
                for row in file_rows:
                    writers[name].writerow(row)
        with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(README_FILE, _readme())
            for name, (spool, text) in spools.items():
                text.flush()
                spool.seek(0)
                with archive.open(name, "w") as member_file:
                    shutil.copyfileobj(spool, member_file)
            for build in hooks.letterboxd_file_builders():
                for name, file_rows in build(user=user):
                    _write_csv(archive, name, file_rows)


def letterboxd_export_zip(*, user):
    """`user`'s Letterboxd ZIP as bytes (letterboxd_export_write into memory)."""
    buffer = io.BytesIO()
    letterboxd_export_write(user=user, file=buffer)
    return buffer.getvalue()


def _write_csv(archive, name, rows):
    with archive.open(name, "w") as member_file:
        text = io.TextIOWrapper(member_file, encoding="utf-8", newline="")
        writer = SafeWriter(text)
        for row in rows:
            writer.writerow(row)
        text.flush()
        text.detach()


def _readme():
    lines = [
        _("Your FilmTracker history, for Letterboxd."),
        "",
        _(
            "To bring it into Letterboxd: sign in there, open Settings, Import "
            "& Export, choose Import your data and select "
            "for-letterboxd/films-import.csv. Then open your watchlist there, "
            "choose Import and select for-letterboxd/watchlist-import.csv."
        ),
        "",
        _(
            "diary.csv, ratings.csv, watched.csv, watchlist.csv and reviews.csv "
            "follow the layout of Letterboxd's own export, for sites and tools "
            "that import a Letterboxd export (FilmTracker's import too)."
        ),
        "",
        _(
            "Letterboxd has no “watching” or “dropped”: films you are watching "
            "go to the watchlist, dropped films are left out unless you rated, "
            "reviewed or logged them. The full JSON export keeps everything."
        ),
    ]
    return "\r\n".join(lines) + "\r\n"


def full_export_filename(*, user):
    return export_filename(user=user, kind="export", extension="json")


def full_export_json(*, user, base_url=""):
    """`user`'s full export (exports.full.member_export_data) as UTF-8 JSON bytes."""
    data = member_export_data(user=user, base_url=base_url)
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
