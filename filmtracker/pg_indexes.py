"""Migration helpers for PostgreSQL-only indexes built without locking writes.

`CREATE INDEX CONCURRENTLY` cannot run inside a transaction, so migrations using
these set `atomic = False`. On other databases (SQLite in development and tests)
the expression indexes are skipped: SQLite's search backend uses its own FTS
table, and its planner never needed them.
"""

from django.db import migrations


def _drop_invalid(cursor, name):
    # A CONCURRENTLY build that failed half-way leaves an INVALID index behind,
    # which `IF NOT EXISTS` would then silently keep: drop it and build again.
    cursor.execute(
        "SELECT NOT i.indisvalid FROM pg_index i JOIN pg_class c "
        "ON c.oid = i.indexrelid WHERE c.relname = %s",
        [name],
    )
    row = cursor.fetchone()
    if row and row[0]:
        cursor.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{name}"')


def create_index_concurrently(*, name, table, using, expression):
    """A RunPython operation creating (and on reverse dropping) one index."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            _drop_invalid(cursor, name)
            cursor.execute(
                f'CREATE INDEX CONCURRENTLY IF NOT EXISTS "{name}" '
                f'ON "{table}" USING {using} ({expression})'
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{name}"')

    return migrations.RunPython(forwards, backwards, elidable=False)


class AddIndexConcurrentlyOnPostgres(migrations.AddIndex):
    """`AddIndex`, built with CONCURRENTLY on PostgreSQL (writes go on meanwhile).

    Other databases get a plain CREATE INDEX. The migration needs `atomic = False`.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return super().database_forwards(
                app_label, schema_editor, from_state, to_state
            )
        model = to_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, model):
            with schema_editor.connection.cursor() as cursor:
                _drop_invalid(cursor, self.index.name)
            schema_editor.add_index(model, self.index, concurrently=True)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return super().database_backwards(
                app_label, schema_editor, from_state, to_state
            )
        model = from_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, model):
            schema_editor.remove_index(model, self.index, concurrently=True)
