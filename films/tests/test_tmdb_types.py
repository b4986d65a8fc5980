"""Tolerant parsing of TMDB JSON (no HTTP here; the client tests use the fake)."""

import json
from datetime import date
from pathlib import Path

import pytest

from films.tmdb_types import (
    ShapeError,
    parse_configuration,
    parse_genres,
    parse_movie,
    parse_search_page,
)

DATA = Path(__file__).resolve().parent.parent / "testing" / "tmdb_data"


def load(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def test_recorded_matrix_details_parse_with_credits():
    movie = parse_movie(load("movie/603.json"))
    assert movie.tmdb_id == 603
    assert movie.title == "The Matrix"
    assert movie.release_date == date(1999, 3, 31)
    assert movie.year == 1999
    assert movie.runtime == 136
    assert movie.imdb_id == "tt0133093"
    assert movie.poster_path == "/dXNAPwY7VrqMAo51EKhhCJfaGb5.jpg"
    assert [(g.tmdb_id, g.name) for g in movie.genres] == [
        (28, "Action"),
        (878, "Science Fiction"),
    ]
    assert [d.name for d in movie.directors] == ["Lilly Wachowski", "Lana Wachowski"]
    assert [(c.name, c.order) for c in movie.cast][:2] == [
        ("Keanu Reeves", 0),
        ("Laurence Fishburne", 1),
    ]


def test_empty_values_become_none_or_blank():
    movie = parse_movie(load("movie/999001.json"))
    assert movie.release_date is None and movie.year is None
    assert movie.runtime is None  # TMDB's 0 means unknown
    assert movie.poster_path is None
    assert movie.imdb_id == ""
    assert movie.genres == [] and movie.directors == [] and movie.cast == []


def test_unknown_fields_and_odd_values_are_ignored():
    data = {
        "id": 5,
        "title": "",
        "original_title": "Original",
        "release_date": "not-a-date",
        "runtime": None,
        "vote_average": "7.5",
        "vote_count": True,
        "poster_path": "",
        "genres": [{"id": 18, "name": "Drama"}, "junk", {"name": "no id"}],
        "credits": {
            "cast": [{"id": 1, "name": "B", "order": 1}, {"id": 2, "name": "A"}],
            "crew": [
                {"id": 3, "name": "D", "job": "Director"},
                {"id": 3, "name": "D", "job": "Director"},
                {"id": 4, "name": "W", "job": "Writer"},
            ],
        },
        "softcore": False,
        "a_field_from_2030": {"nested": [1, 2]},
    }
    movie = parse_movie(data)
    assert movie.title == "Original"  # TMDB's own fallback, applied locally too
    assert movie.release_date is None
    assert movie.runtime is None
    assert movie.vote_average == 7.5 and movie.vote_count == 0
    assert movie.poster_path is None
    assert [g.tmdb_id for g in movie.genres] == [18]
    assert [d.tmdb_id for d in movie.directors] == [3]
    assert [c.name for c in movie.cast] == ["B", "A"]  # by TMDB's order, unknown last


@pytest.mark.parametrize("data", [[], "text", None, {"title": "no id"}, {"id": "x"}])
def test_a_movie_of_the_wrong_shape_is_a_shape_error(data):
    with pytest.raises(ShapeError):
        parse_movie(data)


def test_search_page_skips_broken_entries_but_needs_a_results_list():
    page = parse_search_page(
        {"page": 1, "results": [{"id": 1, "title": "A"}, {"title": "no id"}, 3]}
    )
    assert [r.tmdb_id for r in page.results] == [1]
    with pytest.raises(ShapeError):
        parse_search_page({"page": 1})
    with pytest.raises(ShapeError):
        parse_search_page([])


def test_recorded_search_configuration_and_genres_parse():
    page = parse_search_page(load("search/matrix.en-US.p1.json"))
    assert (page.page, page.total_pages, page.total_results) == (1, 7, 127)
    assert page.results[0].genre_ids == [28, 878]
    config = parse_configuration(load("configuration.json"))
    assert config.image_base_url == "https://image.tmdb.org/t/p/"
    assert "w780" in config.poster_sizes
    genres = parse_genres(load("genre/movie_list.en-US.json"))
    assert (878, "Science Fiction") in [(g.tmdb_id, g.name) for g in genres]
    assert parse_genres({"genres": [{"id": 28, "name": None}]})[0].name == ""
