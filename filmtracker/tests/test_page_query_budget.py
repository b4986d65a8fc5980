"""The site's pages run the same number of queries whatever the data size.

Same data as the API budget (filmtracker/tests/test_query_budget.py): 5 or
200 films, members, ratings and reviews. Every page is counted on a cache
miss (the cache is emptied first): the anonymous page cache and the film
page's shared part (films/film_page.py) would otherwise hide the work.
"""

import pytest
from django.core.cache import cache

from filmtracker.tests.test_query_budget import SIZES

pytestmark = pytest.mark.django_db


# Queries of one page view: Wagtail's site and page lookups, the lists with the
# site's numbers (one query each), posters and renditions (two per list), and
# for members their session, user, own entry and own viewings. Film pages also
# look up the journal's articles featuring the film (Wagtail's reference index)
# and the public lists holding it; members' film pages their own lists too.
HOME = 12  # ... and the pages the home page links to (About)
SEARCH = 8  # + the ranking: two backend matches, translated titles, rating counts
FILM = 10  # + the journal's reference-index lookup, the public lists
FILM_MEMBER = 18  # + their own lists ("Add to list…")
PROFILE = 6


def _count(django_assert_num_queries, client, path, budget):
    client.get(path)  # process-wide lookups (content types) are warm in a server
    cache.clear()  # count a cache miss: the work a page really does
    with django_assert_num_queries(budget):
        response = client.get(path)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("catalogue", SIZES, indirect=True)
def test_home(catalogue, client, django_assert_num_queries):
    _count(django_assert_num_queries, client, "/", HOME)


@pytest.mark.parametrize("catalogue", SIZES, indirect=True)
def test_search_results(catalogue, client, django_assert_num_queries):
    response = _count(django_assert_num_queries, client, "/search/?q=film", SEARCH)
    assert len(response.context["page_obj"]) == min(catalogue["n"], 24)


@pytest.mark.parametrize("catalogue", SIZES, indirect=True)
def test_film_page(catalogue, client, django_assert_num_queries):
    # The first film has n ratings and reviews, genres, cast and a poster.
    film = catalogue["films"][0]
    _count(django_assert_num_queries, client, film.get_absolute_url(), FILM)


@pytest.mark.parametrize("catalogue", SIZES, indirect=True)
def test_film_page_for_a_member(catalogue, client, django_assert_num_queries):
    client.force_login(catalogue["critic"])
    film = catalogue["films"][0]
    _count(django_assert_num_queries, client, film.get_absolute_url(), FILM_MEMBER)


@pytest.mark.parametrize("catalogue", SIZES, indirect=True)
def test_profile(catalogue, client, django_assert_num_queries):
    _count(django_assert_num_queries, client, "/users/critic/", PROFILE)
