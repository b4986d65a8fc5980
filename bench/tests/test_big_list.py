"""The benchmark's 1,000-film list: built in bulk, positions 1..N, a page row."""

import pytest

from accounts.factories import UserFactory
from bench.build import BENCH_LIST_SLUG, add_big_list
from bench.runner import bench_list_path, endpoints
from lists.models import List
from lists.tests.conftest import bulk_films

pytestmark = pytest.mark.django_db


def test_the_big_list_holds_the_most_popular_films_in_order():
    owner = UserFactory()
    bulk_films(30)
    add_big_list(log=lambda message: None)
    film_list = List.objects.get(slug=BENCH_LIST_SLUG)
    assert (film_list.owner, film_list.visibility) == (owner, "public")
    positions = list(film_list.entries.values_list("position", flat=True))
    assert sorted(positions) == list(range(1, 31))
    path = bench_list_path()
    assert path == f"/users/{owner.username}/lists/{BENCH_LIST_SLUG}/"

    class _Film:
        slug, pk = "x", 1

        def get_absolute_url(self):
            return "/films/x/"

    rows = {row.label: row.path for row in endpoints(_Film(), "x", path)}
    assert rows["list page, 1,000 films"] == path
