"""TMDB's results page on past films already here, at most 3 TMDB calls a request."""

from unittest import mock

import pytest
from django.urls import reverse

from films.factories import FilmFactory
from films.selectors import TMDB_PAGES_PER_REQUEST, tmdb_search_not_imported
from films.tests.doubles import tmdb_movie, tmdb_page

pytestmark = pytest.mark.django_db

URL = reverse("search:search")


class PagedTMDB:
    """A TMDB client: page `new_on` has 5 new films, every other page local ones."""

    def __init__(self, *, new_on, total_pages):
        self.new_on, self.total_pages, self.calls = new_on, total_pages, []

    def search_movies(self, *, query, year=None, page=1, language="en-US"):
        self.calls.append(page)
        if page == self.new_on:
            movies = [tmdb_movie(100 + i, f"New {i}", 2000 + i) for i in range(5)]
        else:
            movies = [tmdb_movie(1, "Here one", 1990), tmdb_movie(2, "Here two", 1991)]
        return tmdb_page(*movies, page=page, total_pages=self.total_pages)


@pytest.fixture
def local_films():
    FilmFactory(tmdb_id=1, title="Here one")
    FilmFactory(tmdb_id=2, title="Here two")


def _client(fake):
    return mock.patch("films.selectors.get_client", return_value=fake)


def test_pages_of_local_films_are_skipped(local_films):
    fake = PagedTMDB(new_on=2, total_pages=4)
    with _client(fake):
        found = tmdb_search_not_imported(query="here")
    assert fake.calls == [1, 2]
    assert found.page == 2 and [m.title for m in found.results][0] == "New 0"


def test_at_most_three_tmdb_calls_per_request(local_films):
    fake = PagedTMDB(new_on=9, total_pages=10)
    with _client(fake):
        found = tmdb_search_not_imported(query="here", page=2)
    assert fake.calls == [2, 3, 4] and TMDB_PAGES_PER_REQUEST == 3
    assert found.results == [] and found.page == 4


def test_no_more_calls_after_tmdbs_last_page(local_films):
    fake = PagedTMDB(new_on=9, total_pages=1)
    with _client(fake):
        assert tmdb_search_not_imported(query="here").results == []
    assert fake.calls == [1]


def test_the_page_shows_the_new_films_with_previous_and_next(client, local_films):
    fake = PagedTMDB(new_on=3, total_pages=5)
    with _client(fake), mock.patch("films.tmdb.tmdb_is_configured", return_value=True):
        html = client.get(URL, {"q": "here", "tmdb_page": 2}).content.decode()
    assert html.count('data-testid="tmdb-result"') == 5
    assert "tmdb_page=1#tmdb" in html and 'rel="prev"' in html  # before page 2
    assert "tmdb_page=4#tmdb" in html and 'rel="next"' in html  # after page 3
    assert "TMDB has nothing more" not in html


def test_when_every_page_read_is_local_the_page_offers_the_next(client, local_films):
    fake = PagedTMDB(new_on=9, total_pages=10)
    with _client(fake), mock.patch("films.tmdb.tmdb_is_configured", return_value=True):
        html = client.get(URL, {"q": "here"}).content.decode()
    assert 'data-testid="tmdb-all-here"' in html
    assert "tmdb_page=4#tmdb" in html
    assert "TMDB has nothing more" not in html
