"""The text-search configuration film search uses on PostgreSQL.

PostgreSQL's default (`english`) drops stop words, so titles such as "Up",
"It" or "Her" could not be found, and stems, so "Arrival" matched overviews
saying "arrives". `filmtracker_search` is `simple` (every word kept, no
stemming) with `unaccent` first, so accents in overviews do not matter either
(titles are also indexed normalised, films/search_text.py). `pg_trgm` is for
the typo fallback (search/selectors.py). The backend uses the configuration
through WAGTAILSEARCH_BACKENDS' SEARCH_CONFIG; rows indexed before this
migration keep their old vectors until `manage.py update_index`.
SQLite has none of this and needs none of it: its index holds words as given.
"""

from django.db import migrations

CONFIG = "filmtracker_search"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [CONFIG])
        if cursor.fetchone() is None:
            cursor.execute(
                f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.simple)"
            )
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR "
                "hword, hword_part, word WITH unaccent, simple"
            )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_film_id_as_text")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
