"""The bench's sitemap render: uncached every run, constant queries as films grow."""

import pytest

from bench.sitemap_timing import sitemap_render
from films.factories import FilmFactory

pytestmark = pytest.mark.django_db


def test_every_run_renders_again_with_the_same_queries_for_more_films():
    FilmFactory.create_batch(2)
    few = sitemap_render(runs=2)
    assert few["urls"] == 2 and few["n"] == 2
    FilmFactory.create_batch(40)
    many = sitemap_render(runs=2)
    assert many["urls"] == 42
    # Each run missed the page cache: the queries are the render's own.
    assert many["queries"] == few["queries"] > 0
