"""Index the vector Wagtail's PostgreSQL search backend actually filters on.

django-modelsearch (under `wagtail.search.backends.database`) filters with
    WHERE ("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body")
          @@ to_tsquery(...)
but its own migrations only index `title`, `body` and `autocomplete` separately,
so the planner cannot use any of them for the concatenation and every search
was a sequential scan of the index table. The expression below must stay
exactly `title || body` for the planner to match it; search/tests/test_search_index.py
checks the plan. Autocomplete keeps its own GIN index from modelsearch.
"""

from django.db import migrations

from filmtracker.pg_indexes import create_index_concurrently


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [
        create_index_concurrently(
            name="search_indexentry_title_body_gin",
            table="wagtailsearch_indexentry",
            using="gin",
            expression='("title" || "body")',
        ),
    ]
