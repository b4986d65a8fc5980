"""The search page's query uses the GIN index on `title || body`, not a table scan.

Honest conditions: the index table holds 20,000 entries with fresh statistics,
the planner runs with its default settings (no `enable_seqscan = off`), and the
query is the SQL the Wagtail backend really emits. With so many rows a
sequential scan is what PostgreSQL picks when the expression has no index (it
did before search/migrations/0001), so this test fails without that index.
"""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from films.models import Film

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

ROWS = 20_000
INDEX_TABLE = "wagtailsearch_indexentry"


@pytest.fixture
def large_index():
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN plans are PostgreSQL's")
    content_type = ContentType.objects.get_for_model(Film)
    with connection.cursor() as cursor:
        # Varied words (md5 fragments) so that most terms are rare, as titles are.
        cursor.execute(
            """
            INSERT INTO films_film (title, original_title, slug, imdb_id, overview,
                tagline, tmdb_vote_count, popularity, tmdb_missing, tmdb_poster_path,
                original_language, created_at, updated_at)
            SELECT 'Film ' || substr(md5(g::text), 1, 10), '', 'bulk-' || g, '',
                'A story about ' || substr(md5((g * 7)::text), 1, 8) || ' and '
                || substr(md5((g * 13)::text), 1, 8) || ' in the city',
                '', 0, 0, false, '', '', now(), now()
            FROM generate_series(1, %s) AS g
            """,
            [ROWS],
        )
        cursor.execute(
            f"""
            INSERT INTO {INDEX_TABLE} (content_type_id, object_id, title,
                autocomplete, body, title_norm, title_text, body_text)
            SELECT %s, f.id::text,
                setweight(to_tsvector('filmtracker_search', f.title), 'A'),
                to_tsvector('simple', f.title),
                setweight(to_tsvector('filmtracker_search', f.overview), 'C'),
                1.0, f.title, f.overview
            FROM films_film f
            """,  # noqa: S608
            [content_type.pk],
        )
        cursor.execute(f"ANALYZE films_film; ANALYZE {INDEX_TABLE}")
        cursor.execute("SELECT substr(md5('4242'), 1, 10)")
        return cursor.fetchone()[0]


def _plan_nodes(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from _plan_nodes(child)


def _explain(sql):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        raw = cursor.fetchone()[0]
    plan = raw if isinstance(raw, list) else json.loads(raw)
    return list(_plan_nodes(plan[0]["Plan"]))


def _search_sql(query):
    backend = get_search_backend()
    with CaptureQueriesContext(connection) as ctx:
        results = list(backend.search(query, Film.objects.all())[:20])
    [sql] = [q["sql"] for q in ctx.captured_queries if INDEX_TABLE in q["sql"]]
    return sql, results


def test_search_uses_the_title_body_gin_index(large_index):
    sql, results = _search_sql(large_index)
    assert [film.slug for film in results] == ["bulk-4242"]
    assert '"title" || "wagtailsearch_indexentry"."body"' in sql

    nodes = _explain(sql)
    scans = [(n["Node Type"], n.get("Index Name")) for n in nodes]
    assert not [
        n
        for n in nodes
        if n["Node Type"] == "Seq Scan" and n["Relation Name"] == INDEX_TABLE
    ], scans
    assert ("Bitmap Index Scan", "search_indexentry_title_body_gin") in scans


def test_search_plan_has_no_scan_of_the_films_table(large_index):
    # The backend joins films on `object_id = films_film.id::varchar(50)`;
    # without an index on that expression PostgreSQL reads every film.
    sql, _results = _search_sql(large_index)
    nodes = _explain(sql)
    assert not [
        n
        for n in nodes
        if n["Node Type"] == "Seq Scan" and n["Relation Name"] == "films_film"
    ], [(n["Node Type"], n.get("Relation Name"), n.get("Index Name")) for n in nodes]
