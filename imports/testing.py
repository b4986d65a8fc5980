"""Building Letterboxd exports for tests and the benchmark (our own rows)."""

import csv
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

COLUMNS = {
    "diary.csv": [
        "Date",
        "Name",
        "Year",
        "Letterboxd URI",
        "Rating",
        "Rewatch",
        "Tags",
        "Watched Date",
    ],
    "ratings.csv": ["Date", "Name", "Year", "Letterboxd URI", "Rating"],
    "watched.csv": ["Date", "Name", "Year", "Letterboxd URI"],
    "watchlist.csv": ["Date", "Name", "Year", "Letterboxd URI"],
    "reviews.csv": [
        "Date",
        "Name",
        "Year",
        "Letterboxd URI",
        "Rating",
        "Rewatch",
        "Review",
        "Tags",
        "Watched Date",
    ],
}


def csv_text(filename, rows, *, columns=None):
    """CSV text in Letterboxd's layout; `rows` are dicts by column name."""
    columns = columns or COLUMNS[filename]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return out.getvalue()


def export_zip(files, *, name="letterboxd-member-2024-06-01-utc.zip"):
    """An upload of a ZIP holding `files` ({path: str or bytes})."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in files.items():
            archive.writestr(path, content)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/zip")


def csv_upload(filename, text):
    data = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile(filename, data, content_type="text/csv")


def diary_row(name, year, watched, rating="", rewatch=""):
    return {
        "Date": watched,
        "Name": name,
        "Year": year,
        "Letterboxd URI": "https://boxd.it/abc",
        "Rating": rating,
        "Rewatch": rewatch,
        "Watched Date": watched,
    }


def list_csv_text(title, films, *, description="", banner=True, ranked=True):
    """A Letterboxd list file: `films` are (name, year, note) in list order;
    positions are written for a ranked list, left empty otherwise."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if banner:
        writer.writerow(["Letterboxd list export v7"])
    writer.writerow(["Date", "Name", "Tags", "URL", "Description"])
    writer.writerow(["2024-01-05", title, "", "https://boxd.it/list", description])
    writer.writerow([])
    writer.writerow(["Position", "Name", "Year", "URL", "Description"])
    for position, (name, year, note) in enumerate(films, start=1):
        place = position if ranked else ""
        writer.writerow([place, name, year, "https://boxd.it/film", note])
    return out.getvalue()
