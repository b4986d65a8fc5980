"""Fixtures of the import tests."""

import pytest

from films.factories import FilmFactory


@pytest.fixture
def films():
    return {
        "heat": FilmFactory(title="Heat", year=1995),
        "alien": FilmFactory(title="Alien", year=1979),
        "up": FilmFactory(title="Up", year=2009),
        "amelie": FilmFactory(title="Amélie", year=2001),
    }
