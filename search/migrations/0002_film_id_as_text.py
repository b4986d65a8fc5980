"""Let search results join films through an index.

The backend joins `wagtailsearch_indexentry.object_id = films_film.id::varchar(50)`
(object ids are text so any model can be indexed). Without an index on that
expression the matches can only be hash-joined against a full scan of
films_film; with it, each match is one index lookup. The expression is spelled
as the backend casts it.
"""

from django.db import migrations

from filmtracker.pg_indexes import create_index_concurrently


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("search", "0001_indexentry_title_body_gin"),
        ("films", "0001_initial"),
    ]

    operations = [
        create_index_concurrently(
            name="search_film_id_as_text",
            table="films_film",
            using="btree",
            expression='("id"::varchar(50))',
        ),
    ]
