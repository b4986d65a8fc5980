"""Every public list runs the same number of queries whatever the data size.

Each endpoint is counted at two sizes (5 and 200 films, members, ratings and
reviews; more genres, credits and poster renditions with them): the count
must be the exact budget at both. Renditions are made beforehand, as imports
and `manage.py warm_renditions` do (films/renditions.py).
"""

import pytest

pytestmark = pytest.mark.django_db

SIZES = [5, 200]  # the `catalogue` fixture is in conftest.py


def _count(django_assert_num_queries, client, path, budget):
    with django_assert_num_queries(budget):
        response = client.get(path)
    assert response.status_code == 200, response.content[:500]
    return response


@pytest.mark.parametrize("catalogue", SIZES, indirect=True)
def test_films_api_list(catalogue, api_client, django_assert_num_queries):
    # count, page of films with the numbers, genres, posters, renditions
    response = _count(django_assert_num_queries, api_client, "/api/v1/films/", 5)
    assert len(response.json()["results"]) == min(catalogue["n"], 20)


@pytest.mark.parametrize("catalogue", SIZES, indirect=True)
def test_reviews_api_list(catalogue, api_client, django_assert_num_queries):
    # count, page of reviews with member and film
    response = _count(django_assert_num_queries, api_client, "/api/v1/reviews/", 2)
    assert len(response.json()["results"]) == 20 if catalogue["n"] > 20 else True


@pytest.mark.parametrize("catalogue", SIZES, indirect=True)
def test_users_api_films_list(catalogue, api_client, django_assert_num_queries):
    # the member, count, page of their films
    response = _count(
        django_assert_num_queries, api_client, "/api/v1/users/critic/films/", 3
    )
    assert len(response.json()["results"]) == min(catalogue["n"] - 1, 20)
