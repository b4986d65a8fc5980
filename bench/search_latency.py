"""Wagtail-backend search against a hand-written PostgreSQL full-text query.

Both do the work of one search results page: the first 20 matches by rank and
the total count, over the same `wagtailsearch_indexentry` rows and the same GIN
index. The queries are words from the titles of films sampled with the seed.
"""

import random
import time

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.search.backends import get_search_backend

from films.models import Film

PAGE = 20
RAW_PAGE_SQL = """
    SELECT f.id, f.title, f.slug, f.year, f.poster_id
    FROM wagtailsearch_indexentry e
    JOIN films_film f ON f.id = e.object_id::bigint
    WHERE e.content_type_id = %s AND (e.title || e.body) @@ plainto_tsquery(%s)
    ORDER BY ts_rank(e.title || e.body, plainto_tsquery(%s)) DESC, f.id DESC
    LIMIT 20
"""
RAW_COUNT_SQL = """
    SELECT count(*) FROM wagtailsearch_indexentry e
    WHERE e.content_type_id = %s AND (e.title || e.body) @@ plainto_tsquery(%s)
"""


def sample_queries(*, seed, n):
    rng = random.Random(seed)  # noqa: S311 - sampling, not secrets
    last = Film.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    pks = [rng.randint(1, last) for _ in range(n)]
    titles = dict(Film.objects.filter(pk__in=pks).values_list("pk", "title"))
    queries = []
    for pk in pks:
        words = titles.get(pk, "").lower().split()
        if words:
            k = 2 if len(words) > 1 and rng.random() < 0.5 else 1
            queries.append(" ".join(words[:k]))
    return queries


def wagtail_search(query):
    results = get_search_backend().search(query, Film.objects.select_related("poster"))
    page = list(results[:PAGE])
    return page, results.count()


def raw_search(query, content_type_id):
    with connection.cursor() as cursor:
        cursor.execute(RAW_PAGE_SQL, [content_type_id, query, query])
        page = cursor.fetchall()
        cursor.execute(RAW_COUNT_SQL, [content_type_id, query])
        return page, cursor.fetchone()[0]


def compare(*, seed, n=200):
    """Milliseconds per search for each side, interleaved so load hits both alike."""
    content_type_id = ContentType.objects.get_for_model(Film).pk
    queries = sample_queries(seed=seed, n=n)
    for query in queries[:20]:  # warm the buffer cache for both alike
        wagtail_search(query)
        raw_search(query, content_type_id)
    timings = {"wagtail": [], "raw": []}
    for query in queries:
        start = time.perf_counter()
        wagtail_search(query)
        timings["wagtail"].append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        raw_search(query, content_type_id)
        timings["raw"].append((time.perf_counter() - start) * 1000)
    return timings
