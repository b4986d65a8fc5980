"""What the fake TMDB server says: the files in `tmdb_data/` plus test overrides.

Films of the demo catalogue that have no file of their own are answered from
`films/data/demo_catalogue.json`, in TMDB's shape, so that `make run TMDB=fake`
knows every film the site starts with (a refresh does not mark them gone).
Their poster paths and people's ids are made up.
"""

import copy
import json
import re
import zlib
from io import BytesIO
from pathlib import Path

from films.fonts import PLACEHOLDER_FONT

DATA_DIR = Path(__file__).resolve().parent / "tmdb_data"
DEMO_CATALOGUE = Path(__file__).resolve().parent.parent / "data" / "demo_catalogue.json"
PAGE_SIZE = 20
# Only these may become part of a fixture file name.
LANGUAGE = re.compile(r"[a-z]{2}(-[A-Z]{2})?")
SIMPLE_QUERY = re.compile(r"[\w ]{1,60}")


def _load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def poster_jpeg(title, size=(400, 600)):
    """A plainly fake poster: a coloured card with the title on it."""
    from PIL import Image, ImageDraw, ImageFont

    seed = sum(title.encode()) % 200
    image = Image.new("RGB", size, (30 + seed % 60, 40 + seed % 90, 80 + seed % 120))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(PLACEHOLDER_FONT), size=28)
    draw.text(
        (size[0] / 2, size[1] / 2), title[:24], font=font, fill="white", anchor="mm"
    )
    draw.text(
        (size[0] / 2, size[1] - 30), "FAKE TMDB", font=font, fill="#ffcc00", anchor="mm"
    )
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


class FakeTMDBData:
    """TMDB's answers, built from the files in `tmdb_data/` plus test overrides."""

    def __init__(self, data_dir=DATA_DIR, demo_catalogue=DEMO_CATALOGUE):
        self.dir = Path(data_dir)
        self.errors = _load(self.dir / "errors.json")
        self.configuration = _load(self.dir / "configuration.json")
        self.movies = {
            int(p.stem): _load(p)
            for p in (self.dir / "movie").glob("*.json")
            if p.stem.isdigit()
        }
        self.translations = {}
        for p in (self.dir / "movie").glob("*.*-*.json"):
            tmdb_id, language = p.name.split(".")[:2]
            self.translations[(int(tmdb_id), language)] = _load(p)
        self.overrides = {}  # tmdb_id -> {field: value}, or None for "gone"
        if demo_catalogue and Path(demo_catalogue).exists():
            self._add_demo_catalogue(_load(demo_catalogue))

    def _add_demo_catalogue(self, catalogue):
        names = {g["tmdb_id"]: g["name"] for g in catalogue["genres"]}
        for item in catalogue["films"]:
            if item["tmdb_id"] in self.movies:
                continue  # a hand-written file wins
            self.movies[item["tmdb_id"]] = movie_from_catalogue(item, names)
            self.translations[(item["tmdb_id"], "ru-RU")] = {
                "title": item.get("title_ru") or item["title"],
                "overview": item.get("overview_ru", ""),
                "tagline": item.get("tagline_ru", ""),
            }

    def genres(self, language):
        path = self.dir / "genre" / f"movie_list.{language}.json"
        return _load(
            path if path.exists() else self.dir / "genre/movie_list.en-US.json"
        )

    def movie(self, tmdb_id, language):
        if tmdb_id not in self.movies or self.overrides.get(tmdb_id, {}) is None:
            return None
        movie = copy.deepcopy(self.movies[tmdb_id])
        if language != "en-US":
            # No fallback language at TMDB: untranslated text comes back empty.
            movie.update(title=movie["original_title"], overview="", tagline="")
            movie.update(self.translations.get((tmdb_id, language), {}))
            names = {g["id"]: g["name"] for g in self.genres(language)["genres"]}
            for genre in movie["genres"]:
                genre["name"] = names.get(genre["id"]) or genre["name"]
        movie.update(self.overrides.get(tmdb_id) or {})
        return movie

    def search(self, query, *, language, page, year=None):
        if SIMPLE_QUERY.fullmatch(query) and not self.overrides and year is None:
            fixed = self.dir / "search" / f"{query.casefold()}.{language}.p{page}.json"
            if fixed.exists():
                return _load(fixed)
        needle = query.casefold()
        found = []
        for tmdb_id in self.movies:
            movie = self.movie(tmdb_id, language)
            if movie is None:
                continue
            titles = (
                movie["title"],
                movie["original_title"],
                self.movies[tmdb_id]["title"],
            )
            if not any(needle in t.casefold() for t in titles):
                continue
            if year and not movie["release_date"].startswith(str(year)):
                continue
            found.append(movie)
        found.sort(key=lambda m: -m["popularity"])
        start = (page - 1) * PAGE_SIZE
        return {
            "page": page,
            "results": [self.list_item(m) for m in found[start : start + PAGE_SIZE]],
            "total_pages": -(-len(found) // PAGE_SIZE),
            "total_results": len(found),
        }

    @staticmethod
    def list_item(movie):
        keys = [
            *("adult", "backdrop_path", "id", "original_language", "original_title"),
            *("overview", "popularity", "poster_path", "release_date", "softcore"),
            *("title", "video", "vote_average", "vote_count"),
        ]
        item = {k: movie.get(k) for k in keys}
        item["genre_ids"] = [g["id"] for g in movie["genres"]]
        return dict(sorted(item.items()))

    def poster_title(self, file_path):
        for tmdb_id in self.movies:
            movie = self.movie(tmdb_id, "en-US")
            if movie and movie.get("poster_path") == file_path:
                return movie["title"]
        return None


def fake_person_id(name):
    """A stable made-up TMDB person id (demo catalogue people have none)."""
    return 90_000_000 + zlib.crc32(name.encode()) % 9_000_000


def _person(name, known_for, **fields):
    return {
        "adult": False,
        "gender": 0,
        "id": fake_person_id(name),
        "known_for_department": known_for,
        "name": name,
        "original_name": name,
        "popularity": 0.0,
        "profile_path": None,
        **fields,
    }


def movie_from_catalogue(item, genre_names):
    tmdb_id = item["tmdb_id"]
    cast = [
        _person(
            c["name"],
            "Acting",
            cast_id=order,
            character=c.get("character", ""),
            credit_id=f"{tmdb_id:012x}{order:012x}",
            order=order,
        )
        for order, c in enumerate(item.get("cast", []))
    ]
    crew = [
        _person(
            name,
            "Directing",
            credit_id=f"{tmdb_id:012x}{900 + order:012x}",
            department="Directing",
            job="Director",
        )
        for order, name in enumerate(item.get("directors", []))
    ]
    return {
        "adult": False,
        "backdrop_path": None,
        "belongs_to_collection": None,
        "budget": 0,
        "genres": [{"id": g, "name": genre_names.get(g, "")} for g in item["genres"]],
        "homepage": "",
        "id": tmdb_id,
        "imdb_id": item.get("imdb_id"),
        "origin_country": [],
        "original_language": "",
        "original_title": item.get("original_title") or item["title"],
        "overview": item["overview"],
        "popularity": item.get("popularity", 0.0),
        "poster_path": f"/fakeDemo{tmdb_id}.jpg",
        "production_companies": [],
        "production_countries": [],
        "release_date": item.get("release_date", ""),
        "revenue": 0,
        "runtime": item.get("runtime") or 0,
        "softcore": False,
        "spoken_languages": [],
        "status": "Released",
        "tagline": item.get("tagline", ""),
        "title": item["title"],
        "video": False,
        "vote_average": item.get("tmdb_vote_average") or 0,
        "vote_count": item.get("tmdb_vote_count", 0),
        "credits": {"cast": cast, "crew": crew},
    }
