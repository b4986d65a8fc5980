"""Typed TMDB results, and tolerant parsing of TMDB's JSON into them.

TMDB adds fields without notice (`softcore`, `origin_country`) and leaves
others empty (`poster_path: null`, `release_date: ""`, `runtime: 0`), so
parsing ignores unknown keys and turns every empty value into None or "".
Only a body that is not the documented shape at all (not an object, a movie
without an id) is an error. No ORM here: `films.tmdb` re-exports these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


class ShapeError(ValueError):
    """The JSON parsed but is not the shape TMDB documents."""


@dataclass(frozen=True, slots=True)
class TMDBGenre:
    tmdb_id: int
    name: str


@dataclass(frozen=True, slots=True)
class TMDBPerson:
    """A director (or any crew member) of a film."""

    tmdb_id: int | None  # None only for the demo catalogue's people
    name: str


@dataclass(frozen=True, slots=True)
class TMDBCastMember:
    tmdb_id: int | None  # as TMDBPerson
    name: str
    character: str
    order: int


@dataclass(frozen=True, slots=True)
class TMDBMovieSummary:
    """One result of `search/movie`."""

    tmdb_id: int
    title: str
    original_title: str
    release_date: date | None
    year: int | None
    overview: str
    poster_path: str | None
    vote_average: float
    vote_count: int
    popularity: float
    genre_ids: list[int] = field(default_factory=list)
    adult: bool = False
    original_language: str = ""


@dataclass(frozen=True, slots=True)
class TMDBSearchPage:
    page: int
    total_pages: int
    total_results: int
    results: list[TMDBMovieSummary] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TMDBMovie:
    """`movie/{id}?append_to_response=credits`, reduced to what FilmTracker keeps."""

    tmdb_id: int
    imdb_id: str
    title: str
    original_title: str
    release_date: date | None
    year: int | None
    overview: str
    tagline: str
    runtime: int | None
    poster_path: str | None
    vote_average: float
    vote_count: int
    popularity: float
    status: str
    original_language: str = ""
    genres: list[TMDBGenre] = field(default_factory=list)
    directors: list[TMDBPerson] = field(default_factory=list)
    cast: list[TMDBCastMember] = field(default_factory=list)
    # TMDB's flag for pornographic films, which the catalogue does not take.
    adult: bool = False


@dataclass(frozen=True, slots=True)
class TMDBConfiguration:
    image_base_url: str
    poster_sizes: list[str] = field(default_factory=list)


# --- tolerant field readers -------------------------------------------------


def _object(data, what):
    if not isinstance(data, dict):
        raise ShapeError(f"{what}: expected a JSON object, got {type(data).__name__}")
    return data


def _list(value):
    return value if isinstance(value, list) else []


def _str(value):
    return value.strip() if isinstance(value, str) else ""


def _int(value, default=0):
    if isinstance(value, bool):
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _float(value):
    if isinstance(value, bool):
        return 0.0
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _date(value):
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _path(value):
    # Image paths start with "/"; anything else (null, "", junk) means none.
    return value if isinstance(value, str) and value.startswith("/") else None


def _id(item, what):
    tmdb_id = _int(item.get("id"), default=-1)
    if tmdb_id <= 0:
        raise ShapeError(f"{what} without a valid id")
    return tmdb_id


def _language(value):
    """TMDB's ISO 639-1 code, or "" for anything that is not one ("xx" is
    TMDB's "no language"): it ends up in a lang attribute."""
    code = _str(value).lower()
    # TMDB's "cn" (Cantonese) is no ISO 639-1 code; BCP 47 spells it "yue".
    code = {"cn": "yue"}.get(code, code)
    return code if code.isalpha() and 2 <= len(code) <= 3 and code != "xx" else ""


def _titles(item):
    original = _str(item.get("original_title"))
    # Without a translation TMDB falls back to the original title; be as kind.
    return _str(item.get("title")) or original, original


# --- parsers ----------------------------------------------------------------


def parse_movie_summary(item):
    item = _object(item, "search result")
    title, original_title = _titles(item)
    release_date = _date(item.get("release_date"))
    return TMDBMovieSummary(
        tmdb_id=_id(item, "search result"),
        title=title,
        original_title=original_title,
        release_date=release_date,
        year=release_date.year if release_date else None,
        overview=_str(item.get("overview")),
        poster_path=_path(item.get("poster_path")),
        vote_average=_float(item.get("vote_average")),
        vote_count=_int(item.get("vote_count")),
        popularity=_float(item.get("popularity")),
        genre_ids=[g for g in _list(item.get("genre_ids")) if isinstance(g, int)],
        adult=item.get("adult") is True,
        original_language=_language(item.get("original_language")),
    )


def parse_search_page(data):
    data = _object(data, "search/movie")
    if not isinstance(data.get("results"), list):
        raise ShapeError("search/movie: no results list")
    return TMDBSearchPage(
        page=_int(data.get("page"), 1),
        total_pages=_int(data.get("total_pages")),
        total_results=_int(data.get("total_results")),
        results=[r for r in map(_summary_or_none, data["results"]) if r is not None],
    )


def _summary_or_none(item):
    # One broken entry should not hide the other nineteen.
    try:
        return parse_movie_summary(item)
    except ShapeError:
        return None


def _directors(crew):
    directors, seen = [], set()
    for item in crew:
        if not isinstance(item, dict) or _str(item.get("job")) != "Director":
            continue
        tmdb_id, name = _int(item.get("id")), _str(item.get("name"))
        if tmdb_id > 0 and name and tmdb_id not in seen:
            seen.add(tmdb_id)
            directors.append(TMDBPerson(tmdb_id=tmdb_id, name=name))
    return directors


def _cast(cast):
    members = [
        TMDBCastMember(
            tmdb_id=_int(item.get("id")),
            name=_str(item.get("name")),
            character=_str(item.get("character")),
            order=_int(item.get("order"), default=9999),
        )
        for item in cast
        if isinstance(item, dict)
    ]
    members = [m for m in members if m.tmdb_id > 0 and m.name]
    return sorted(members, key=lambda m: m.order)


def parse_movie(data):
    data = _object(data, "movie")
    title, original_title = _titles(data)
    release_date = _date(data.get("release_date"))
    credits = data.get("credits") if isinstance(data.get("credits"), dict) else {}
    genres = [
        TMDBGenre(tmdb_id=_int(g.get("id")), name=_str(g.get("name")))
        for g in _list(data.get("genres"))
        if isinstance(g, dict) and _int(g.get("id")) > 0
    ]
    return TMDBMovie(
        tmdb_id=_id(data, "movie"),
        imdb_id=_str(data.get("imdb_id")),
        title=title,
        original_title=original_title,
        release_date=release_date,
        year=release_date.year if release_date else None,
        overview=_str(data.get("overview")),
        tagline=_str(data.get("tagline")),
        # 0 (and null) mean "unknown" at TMDB.
        runtime=_int(data.get("runtime")) or None,
        poster_path=_path(data.get("poster_path")),
        vote_average=_float(data.get("vote_average")),
        vote_count=_int(data.get("vote_count")),
        popularity=_float(data.get("popularity")),
        status=_str(data.get("status")),
        original_language=_language(data.get("original_language")),
        genres=genres,
        directors=_directors(_list(credits.get("crew"))),
        cast=_cast(_list(credits.get("cast"))),
        adult=data.get("adult") is True,
    )


def parse_genres(data):
    data = _object(data, "genre/movie/list")
    return [
        # Some languages return "name": null here; keep the id, name "".
        TMDBGenre(tmdb_id=_int(g.get("id")), name=_str(g.get("name")))
        for g in _list(data.get("genres"))
        if isinstance(g, dict) and _int(g.get("id")) > 0
    ]


def parse_configuration(data):
    images = _object(_object(data, "configuration").get("images"), "images")
    base = _str(images.get("secure_base_url")) or _str(images.get("base_url"))
    if not base:
        raise ShapeError("configuration: no image base URL")
    sizes = [s for s in _list(images.get("poster_sizes")) if isinstance(s, str)]
    return TMDBConfiguration(image_base_url=base, poster_sizes=sizes)
