"""The site's search and autocomplete against a hand-written full-text query.

`search` is what the search page and the API do (search/selectors.py: the
backend's word and title-prefix matches, the ranking, then a page of 20 films
with their numbers and posters); `autocomplete` the suggestions; `wagtail`
the bare backend search (page of 20 + count) and `raw` a hand-written
PostgreSQL query doing the same over the same `wagtailsearch_indexentry` rows
and GIN index: every word must match (`operator="and"`, as the site asks, and
`plainto_tsquery`), read with the backend's text search configuration (the
database's default, English, would drop stop words such as "be" and match
nothing where the backend matches thousands). The queries are words from
the titles of films sampled with the seed; `search_cold` /
`autocomplete_cold` time each query's first run.
"""

import random
import time

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.query import PlainText
from wagtail.search.backends import get_search_backend

from films.models import Film
from films.selectors import film_card_queryset
from search.selectors import film_autocomplete, film_search

PAGE = 20
RAW_PAGE_SQL = """
    SELECT f.id, f.title, f.slug, f.year, f.poster_id
    FROM wagtailsearch_indexentry e
    JOIN films_film f ON f.id = e.object_id::bigint
    WHERE e.content_type_id = %s
        AND (e.title || e.body) @@ plainto_tsquery(%s::regconfig, %s)
    ORDER BY ts_rank(e.title || e.body, plainto_tsquery(%s::regconfig, %s)) DESC,
        f.id DESC
    LIMIT 20
"""
RAW_COUNT_SQL = """
    SELECT count(*) FROM wagtailsearch_indexentry e
    WHERE e.content_type_id = %s
        AND (e.title || e.body) @@ plainto_tsquery(%s::regconfig, %s)
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
    films = Film.objects.select_related("poster")
    results = get_search_backend().search(PlainText(query, operator="and"), films)
    page = list(results[:PAGE])
    return page, results.count()


def raw_search(query, content_type_id):
    config = get_search_backend().config
    with connection.cursor() as cursor:
        cursor.execute(RAW_PAGE_SQL, [content_type_id, config, query, config, query])
        page = cursor.fetchall()
        cursor.execute(RAW_COUNT_SQL, [content_type_id, config, query])
        return page, cursor.fetchone()[0]


def site_search(query):
    films, _matches = film_search(queryset=film_card_queryset(), query=query)
    return list(films[:PAGE]), len(films)


def autocomplete(query):
    # What a suggestion request gets: the start of a title, as typed so far.
    return film_autocomplete(text=query[: max(3, len(query) - 2)])


def compare(*, seed, n=200):
    """Milliseconds per search for each side, interleaved so load hits both alike."""
    content_type_id = ContentType.objects.get_for_model(Film).pk
    queries = sample_queries(seed=seed, n=n)
    sides = {
        "search": site_search,
        "autocomplete": autocomplete,
        "wagtail": wagtail_search,
        "raw": lambda query: raw_search(query, content_type_id),
    }
    timings = {name: [] for name in sides}
    timings.update(search_cold=[], autocomplete_cold=[])
    for query in queries[:20]:  # cold: each query's first run
        for name in ("search", "autocomplete"):
            start = time.perf_counter()
            sides[name](query)
            timings[f"{name}_cold"].append((time.perf_counter() - start) * 1000)
        wagtail_search(query)
        raw_search(query, content_type_id)
    for query in queries:
        for name, run in sides.items():
            start = time.perf_counter()
            run(query)
            timings[name].append((time.perf_counter() - start) * 1000)
    return timings
