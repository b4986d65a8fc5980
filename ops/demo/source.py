"""The bundled demo catalogue, answering like the TMDB client.

`seed_demo` imports every demo film through films.services.film_import_from_tmdb
with this as its client, so demo films are written exactly as TMDB imports are
(translations, genres, credits, poster, search index). People have no TMDB id
here (the catalogue does not know them); a later import from the real TMDB
adopts them by name. Posters are generated placeholders.
"""

import json
from datetime import date
from pathlib import Path

from films.posters import placeholder_poster_bytes
from films.tmdb import TMDBImage, TMDBNotFound
from films.tmdb_types import TMDBCastMember, TMDBGenre, TMDBMovie, TMDBPerson

CATALOGUE_PATH = (
    Path(__file__).resolve().parent.parent.parent / "films/data/demo_catalogue.json"
)
PLACEHOLDER_PREFIX = "/filmtracker-placeholder-"


def load_catalogue(path=CATALOGUE_PATH):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _site_language(tmdb_language):
    return tmdb_language.split("-")[0].lower()


class DemoCatalogue:
    """`movie_details`, `genres` and `download_poster` over the catalogue.

    A catalogue item's `<field>_<language>` (e.g. `title_ru`) is that field in
    another language; like TMDB, an untranslated title comes back as the
    original title and untranslated text as "".
    """

    def __init__(self, catalogue):
        self.catalogue = catalogue
        self.items = {item["tmdb_id"]: item for item in catalogue["films"]}

    def genres(self, *, language="en-US"):
        code = _site_language(language)
        return [
            TMDBGenre(tmdb_id=g["tmdb_id"], name=g.get(f"name_{code}") or g["name"])
            for g in self.catalogue["genres"]
        ]

    def movie_details(self, *, tmdb_id, language="en-US", fresh=False):
        item = self.items.get(tmdb_id)
        if item is None:
            raise TMDBNotFound(f"film {tmdb_id} is not in the demo catalogue")
        code = _site_language(language)

        def text(name, untranslated=""):
            if code == "en":
                return item.get(name, "")
            return item.get(f"{name}_{code}") or untranslated

        released = date.fromisoformat(item["release_date"])
        genre_names = {g.tmdb_id: g.name for g in self.genres(language=language)}
        original_title = item.get("original_title") or item["title"]
        return TMDBMovie(
            tmdb_id=tmdb_id,
            imdb_id=item.get("imdb_id", ""),
            title=text("title", untranslated=original_title),
            original_title=original_title,
            release_date=released,
            year=released.year,
            overview=text("overview"),
            tagline=text("tagline"),
            runtime=item.get("runtime") or None,
            poster_path=f"{PLACEHOLDER_PREFIX}{tmdb_id}.jpg",
            vote_average=item.get("tmdb_vote_average") or 0.0,
            vote_count=item.get("tmdb_vote_count", 0),
            popularity=item.get("popularity", 0.0),
            status="Released",
            genres=[
                TMDBGenre(tmdb_id=g, name=genre_names[g])
                for g in item.get("genres", [])
                if g in genre_names
            ],
            directors=[
                TMDBPerson(tmdb_id=None, name=name)
                for name in item.get("directors", [])
            ],
            cast=[
                TMDBCastMember(
                    tmdb_id=None,
                    name=c["name"],
                    character=c.get("character", ""),
                    order=order,
                )
                for order, c in enumerate(item.get("cast", []))
            ],
        )

    def download_poster(self, *, poster_path, size=None):
        tmdb_id = int(poster_path.removeprefix(PLACEHOLDER_PREFIX).split(".")[0])
        item = self.items[tmdb_id]
        content = placeholder_poster_bytes(
            title=item["title"],
            year=int(item["release_date"][:4]),
            original_title=item.get("original_title", ""),
        )
        return TMDBImage(content=content, content_type="image/jpeg", url=poster_path)
