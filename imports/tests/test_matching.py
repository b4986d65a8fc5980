"""Matching by name and year: the catalogue first, then TMDB; never a guess."""

import pytest
from wagtail.search import index

from films.factories import FilmFactory
from films.models import Film, FilmTranslation
from films.tmdb import get_client
from imports.matching import Matcher, title_key
from imports.pacing import Pace

pytestmark = pytest.mark.django_db


def matcher(client=None):
    return Matcher(client=client, pace=Pace(1_000_000))


def matched(name, year, client=None):
    match = matcher(client).match(name=name, year=year)
    return match.film if match.state == "matched" else match.state


def test_titles_match_whatever_their_accents_punctuation_or_case():
    amelie = FilmFactory(title="Amélie", year=2001)
    schindler = FilmFactory(title="Schindler's List", year=1993)
    walle = FilmFactory(title="WALL·E", year=2008)
    assert matched("Amelie", 2001) == amelie
    assert matched("AMÉLIE", 2001) == amelie
    assert matched("Schindlers List", 1993) == schindler
    assert matched("Wall-E", 2008) == walle
    assert title_key("Spider-Man: No Way Home") == title_key("Spiderman No Way Home")


def test_the_original_or_russian_title_matches_too():
    film = FilmFactory(
        title="Spirited Away", original_title="千と千尋の神隠し", year=2001
    )
    FilmTranslation.objects.create(
        film=film, language="ru", title="Унесённые призраками"
    )
    index.insert_or_update_object(film)  # as an import does, with its translations
    assert matched("千と千尋の神隠し", 2001) == film
    assert matched("Унесенные призраками", 2001) == film


def test_a_remake_with_the_same_title_is_told_apart_by_its_year():
    old = FilmFactory(title="Suspiria", year=1977)
    new = FilmFactory(title="Suspiria", year=2018)
    assert matched("Suspiria", 1977) == old
    assert matched("Suspiria", 2018) == new
    assert matched("Suspiria", 2019) == new  # a year off


def test_a_year_off_by_one_matches_but_not_by_two():
    film = FilmFactory(title="Solaris", year=1972)
    assert matched("Solaris", 1973) == film
    assert matched("Solaris", 1971) == film
    assert matched("Solaris", 1974) == "unmatched"  # TMDB is off here


def test_the_exact_year_wins_over_a_year_off():
    exact = FilmFactory(title="Halloween", year=2018)
    FilmFactory(title="Halloween", year=2019)
    assert matched("Halloween", 2018) == exact


def test_several_films_of_the_same_title_and_year_are_ambiguous_with_candidates():
    one = FilmFactory(title="Brother", year=1997)
    two = FilmFactory(title="Brother", year=1997)
    match = matcher().match(name="Brother", year=1997)
    assert match.state == "ambiguous"
    assert [c["film"] for c in match.candidates] == [one.pk, two.pk]
    assert match.candidates[0] == {
        "film": one.pk,
        "tmdb_id": one.tmdb_id,
        "title": "Brother",
        "year": 1997,
    }


def test_no_year_matches_a_single_film_of_that_title_only():
    film = FilmFactory(title="Stalker", year=1979)
    assert matched("Stalker", None) == film
    FilmFactory(title="Stalker", year=1993)
    assert matched("Stalker", None) == "ambiguous"


def test_no_film_of_that_title_is_unmatched_without_a_guess():
    FilmFactory(title="Heat Wave", year=1995)
    match = matcher().match(name="Heat", year=1995)
    assert (match.state, match.film, match.candidates) == ("unmatched", None, [])
    assert "TMDB lookups are off" in match.reason


def test_tmdb_finds_and_imports_a_film_that_is_not_here(fake_tmdb):
    match = matcher(get_client()).match(name="Heat", year=1995)
    assert match.state == "matched"
    assert (match.film.tmdb_id, match.film.title) == (949, "Heat")
    assert Film.objects.filter(tmdb_id=949).count() == 1


def test_tmdb_with_a_year_off_by_one_searches_again_without_it(fake_tmdb):
    match = matcher(get_client()).match(name="Memento", year=2001)  # TMDB: 2000
    assert match.state == "matched" and match.film.tmdb_id == 77
    assert fake_tmdb.count("/3/search/movie") == 2


def test_a_film_here_under_another_title_is_never_imported_twice(fake_tmdb):
    here = FilmFactory(title="Heat (1995 film)", year=1995, tmdb_id=949)
    match = matcher(get_client()).match(name="Heat", year=1995)
    assert match.film == here
    assert Film.objects.filter(tmdb_id=949).count() == 1
    assert fake_tmdb.count("/3/movie/") == 0  # found by its TMDB id, not imported


def test_several_tmdb_films_with_the_title_are_ambiguous(fake_tmdb):
    fake_tmdb.set_movie(604, title="The Matrix", release_date="1999-05-15")
    match = matcher(get_client()).match(name="The Matrix", year=1999)
    assert match.state == "ambiguous"
    assert sorted(c["tmdb_id"] for c in match.candidates) == [603, 604]
    assert all(c["film"] is None for c in match.candidates)
    assert not Film.objects.exists()


def test_tmdb_results_without_the_exact_title_are_candidates_not_a_match(fake_tmdb):
    match = matcher(get_client()).match(name="Matrix Reloaded", year=2003)
    assert match.state == "ambiguous"
    assert [c["tmdb_id"] for c in match.candidates] == [604]
    assert "exactly this title" in match.reason
    assert not Film.objects.exists()


def test_nothing_on_tmdb_either_is_unmatched(fake_tmdb):
    match = matcher(get_client()).match(name="A Film Nobody Made", year=2020)
    assert match.state == "unmatched"
    assert match.reason == "No film with this title was found."


def test_each_name_and_year_is_looked_up_once_per_import(fake_tmdb):
    same = matcher(get_client())
    for _ in range(3):
        assert same.match(name="Heat", year=1995).state == "matched"
    assert fake_tmdb.count("/3/search/movie") == 1
