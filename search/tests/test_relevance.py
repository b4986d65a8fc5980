"""The relevance set: the film a member expects first, measured.

On PostgreSQL (CI) it must reach success@1 >= 0.95 and success@5 = 1.0. On
SQLite the typo queries are left out (no trigram search there) and the figures
are printed, not enforced.
"""

import pytest
from django.db import connection

from search.selectors import film_matches

from .catalogue import load_test_catalogue, relevance_queries

pytestmark = pytest.mark.django_db


def _measure(films, rows):
    hits1 = hits5 = 0
    reciprocal = 0.0
    misses = []
    for row in rows:
        expected = films[row["title"], row["year"]]
        ids = film_matches(query=row["query"]).film_ids
        rank = ids.index(expected) + 1 if expected in ids else None
        hits1 += rank == 1
        hits5 += rank is not None and rank <= 5
        reciprocal += 1 / rank if rank else 0
        if rank != 1:
            misses.append((row["query"], rank))
    n = len(rows)
    return hits1 / n, hits5 / n, reciprocal / n, misses


def test_relevance_set():
    films = load_test_catalogue()
    postgres = connection.vendor == "postgresql"
    rows = relevance_queries(typos=postgres)
    assert len(rows) >= 80
    s1, s5, mrr, misses = _measure(films, rows)
    print(
        f"\nrelevance on {connection.vendor}: {len(rows)} queries, "
        f"success@1 {s1:.3f}, success@5 {s5:.3f}, MRR {mrr:.3f}; misses {misses}"
    )
    if postgres:
        assert s1 >= 0.95, misses
        assert s5 == 1.0, misses
    else:
        assert s5 >= 0.9, misses  # a floor, so a broken search still fails here
