"""The committed test catalogue (data/catalogue.json) and relevance set."""

import json
from pathlib import Path

from wagtail.search import index

from films.models import Film, FilmTranslation

DATA = Path(__file__).parent / "data"


def load_json(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def load_test_catalogue():
    """Create and index the catalogue's films; returns {(title, year): film id}."""
    films = {}
    for i, row in enumerate(load_json("catalogue.json")["films"]):
        film = Film.objects.create(
            tmdb_id=900_000 + i,
            title=row["title"],
            original_title=row.get("original", row["title"]),
            year=row["year"],
            popularity=row["popularity"],
            overview=row.get("overview", ""),
        )
        if row.get("ru"):
            FilmTranslation.objects.create(film=film, language="ru", title=row["ru"])
            index.insert_or_update_object(film)  # now with its translation
        films[row["title"], row["year"]] = film.pk
    return films


def relevance_queries(*, typos):
    """The relevance set's rows, leaving out typo queries unless `typos`."""
    rows = load_json("relevance.json")["queries"]
    return [row for row in rows if typos or row["kind"] != "typo"]
