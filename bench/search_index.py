"""Fill the search index for the whole catalogue with one INSERT ... SELECT.

The backend's own bulk path (`add_bulk`) compiles a Django expression per field
per film and took about 3 s per 2,000 films here, so 50,000 films cost minutes.
This builds the same rows in SQL from the same definitions: the fields of
`Film.search_fields`, the backend's weights and text search configurations,
then the same full `title_norm` refresh as a rebuild. bench/tests checks that
the rows equal what the backend writes.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from wagtail.search.backends import get_search_backend

from films.models import Film

INDEX_TABLE = "wagtailsearch_indexentry"


def _vector(columns, config):
    """`setweight(to_tsvector(...), w) || ...`, as ObjectIndexer.as_vector builds it.

    The backend leaves out empty texts; an empty text's vector is empty, and
    concatenating an empty vector shifts no positions, so the result is equal.
    """
    if not columns:
        return "to_tsvector('')"
    cfg = f"'{config}'::regconfig, " if config else ""
    return " || ".join(
        f"setweight(to_tsvector({cfg}btrim(COALESCE({expr}, ''))), '{weight}')"
        for expr, weight in columns
    )


def _text(columns):
    return (
        "concat_ws(' ', "
        + ", ".join(f"NULLIF(btrim({expr}), '')" for expr, _weight in columns)
        + ")"
    )


CALLABLE_TABLE = "bench_callable_values"


def _is_callable(field_name, related):
    return related is None and callable(getattr(Film, field_name, None))


def _field_sql(field_name, related=None):
    """The SQL value of a film's field, or of its translations' (`related`).

    A method (`Film.search_title_text`) has no column: its values are worked
    out in Python by fill_callable_values() into a temporary table.
    """
    if _is_callable(field_name, related):
        return (
            f"(SELECT c.value FROM {CALLABLE_TABLE} c "  # noqa: S608
            f"WHERE c.film_id = f.id AND c.field = '{field_name}')"
        )
    if related is None:
        return f'f."{Film._meta.get_field(field_name).column}"'
    model = Film._meta.get_field(related).related_model
    column = model._meta.get_field(field_name).column
    # One row per language, in the order the backend reads them (Meta.ordering).
    return (
        f"(SELECT string_agg(t.\"{column}\", ' ' ORDER BY t.language) "  # noqa: S608
        f'FROM "{model._meta.db_table}" t WHERE t.film_id = f.id)'
    )


def _fields(fields, related=None):
    for field in fields:
        if isinstance(field, RelatedFields):
            yield from _fields(field.fields, related=field.field_name)
        else:
            yield field, _field_sql(field.field_name, related)


def film_index_sql():
    backend = get_search_backend()
    title, body, autocomplete = [], [], []
    for field, expr in _fields(Film.get_search_fields()):
        if isinstance(field, SearchField):
            target = title if field.field_name == "title" else body
            target.append((expr, get_weight(field.boost)))
        elif isinstance(field, AutocompleteField):
            autocomplete.append((expr, "D"))
    return f"""
        INSERT INTO {INDEX_TABLE} (content_type_id, object_id, title, autocomplete,
            body, title_norm, title_text, body_text)
        SELECT %s, f.id::text, {_vector(title, backend.config)},
            {_vector(autocomplete, backend.autocomplete_config)},
            {_vector(body, backend.config)}, 1.0, {_text(title)}, {_text(body)}
        FROM {Film._meta.db_table} f
        ON CONFLICT (content_type_id, object_id) DO NOTHING
    """  # noqa: S608 - identifiers come from model definitions


def refresh_title_norms():
    """`_refresh_title_norms(full=True)`: lavg / length(title) for every entry."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE {INDEX_TABLE} SET title_norm = stats.lavg / length(title)
            FROM (SELECT avg(length(title)) AS lavg FROM {INDEX_TABLE}
                  WHERE length(title) > 0) AS stats
            WHERE length(title) > 0
            """  # noqa: S608
        )


def fill_callable_values():
    """The values of the indexed methods of every film, in a temporary table."""
    names = [
        field.field_name
        for field in Film.get_search_fields()
        if _is_callable(field.field_name, None)
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {CALLABLE_TABLE} "
            "(film_id bigint, field text, value text)"
        )
        cursor.execute(f"TRUNCATE {CALLABLE_TABLE}")  # noqa: S608
        films = Film.objects.prefetch_related("translations").order_by("pk")
        # Worked out before the COPY starts: no other query can run on the
        # connection while it is copying (iterating films there hangs).
        rows = [
            (film.pk, name, getattr(film, name)())
            for film in films.iterator(chunk_size=2000)
            for name in set(names)
        ]
        with cursor.copy(
            f"COPY {CALLABLE_TABLE} (film_id, field, value) FROM STDIN"  # noqa: S608
        ) as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {CALLABLE_TABLE}_film "
            f"ON {CALLABLE_TABLE} (film_id, field)"
        )


def index_all_films():
    content_type = ContentType.objects.get_for_model(Film)
    fill_callable_values()
    with connection.cursor() as cursor:
        cursor.execute(film_index_sql(), [content_type.pk])
        count = cursor.rowcount
    refresh_title_norms()
    return count
