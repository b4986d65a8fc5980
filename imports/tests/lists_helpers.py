"""What the lists import tests share: two list files and how to run them
(their films are the `films` fixture of conftest.py)."""

from imports.models import LetterboxdRow
from imports.services import letterboxd_import_file
from imports.testing import export_zip, list_csv_text

State = LetterboxdRow.State


TOP = list_csv_text(
    "Top films",
    [
        ("Alien", 1979, "Perfect."),
        ("Nowhere Film", 1990, "Lost one"),
        ("Heat", 1995, ""),
    ],
    description="My <i>favourites</i>.<br>In order.",
)
LATER = list_csv_text(
    "To show my kids", [("Up", 2009, ""), ("Amelie", 2001, "Later")], ranked=False
)


def lists_export():
    return export_zip({"lists/top-films.csv": TOP, "lists/kids.csv": LATER})


def run(user, upload, **options):
    return letterboxd_import_file(user=user, file=upload, **options)


def films_of(film_list):
    return list(
        film_list.entries.order_by("position").values_list(
            "film__title", "position", "note"
        )
    )
