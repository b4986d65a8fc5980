"""Building members' histories and reading exports back, for the tests."""

import csv
import datetime
import html
import io
import zipfile

from exports import letterboxd
from exports.services import letterboxd_export_zip
from films.factories import FilmFactory
from films.models import Credit, Person
from filmtracker.csv_cells import cell_unescape
from reviews.models import UserFilm, Viewing

# Letterboxd's importer files in the ZIP, and a short name for dates.
FILMS = letterboxd.IMPORT_FILMS_FILE
WATCHLIST = letterboxd.IMPORT_WATCHLIST_FILE
DAY = datetime.date


def read_zip(data):
    """{file name: text} of a ZIP's files (bytes in)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def read_csv(text):
    """(header, [row dict]) of CSV text, cells unescaped as an importer would."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    rows = [dict(zip(header, map(cell_unescape, row), strict=True)) for row in reader]
    return header, rows


def review_text(markup):
    """A Review cell's plain text: `<br>` as line breaks, entities unescaped."""
    return html.unescape(markup.replace("<br>", "\n"))


def read_export(data):
    """{file name: [row dict]} of every CSV in a Letterboxd export ZIP."""
    return {
        name: read_csv(text)[1]
        for name, text in read_zip(data).items()
        if name.endswith(".csv")
    }


def export(user):
    """{file name: [row dict]} of `user`'s Letterboxd export."""
    return read_export(letterboxd_export_zip(user=user))


def entry(user, film, **fields):
    fields.setdefault("status", UserFilm.Status.WATCHED)
    return UserFilm.objects.create(user=user, film=film, **fields)


def viewing(user, film, day, **fields):
    return Viewing.objects.create(user=user, film=film, watched_on=day, **fields)


def directed_by(film, *names):
    for order, name in enumerate(names):
        person = Person.objects.create(name=name)
        Credit.objects.create(
            film=film, person=person, role=Credit.Role.DIRECTOR, order=order
        )


def add_history(user, films=3, *, prefix="Film"):
    """`films` films of each kind for `user`: watched with two viewings (the
    second a rewatch), rated without viewings, on the watchlist. Returns the
    films made."""
    made = []
    for n in range(films):
        seen = FilmFactory(title=f"{prefix} seen {n}", year=1990 + n)
        directed_by(seen, f"Director {n}")
        entry(user, seen, rating=8, comment=f"Review {n}")
        viewing(user, seen, datetime.date(2023, 1, 1 + n), rating=7, note="First")
        viewing(user, seen, datetime.date(2024, 1, 1 + n), rating=8)
        rated = FilmFactory(title=f"{prefix} rated {n}", year=2000 + n)
        entry(user, rated, rating=6, watched_on=datetime.date(2022, 5, 1 + n))
        wanted = FilmFactory(title=f"{prefix} wanted {n}", year=2010 + n)
        entry(user, wanted, status=UserFilm.Status.WANT)
        made += [seen, rated, wanted]
    return made
