"""How production connects to PostgreSQL: pooled, with a statement timeout."""


def production_database(db, *, pool_max_size, pool_timeout, conn_max_age, timeout):
    """`db` (a DATABASES entry) with production's connection settings.

    PostgreSQL only (another engine is returned as it is):
    - `pool_max_size` > 0: psycopg's pool, at most that many connections per
      process, waiting at most `pool_timeout` seconds for a free one;
    - else persistent connections kept `conn_max_age` seconds and checked
      before reuse (0: one connection per request, e.g. behind PgBouncer);
    - `timeout` seconds (0: none): PostgreSQL cancels any longer statement.
    """
    db = {**db, "OPTIONS": dict(db.get("OPTIONS", {}))}
    if db["ENGINE"] != "django.db.backends.postgresql":
        return db
    if pool_max_size:
        # A pool hands each request a connection and takes it back at the end,
        # so Django must not keep its own (it refuses CONN_MAX_AGE with one).
        db["CONN_MAX_AGE"] = 0
        db["OPTIONS"]["pool"] = {
            "min_size": 1,
            "max_size": pool_max_size,
            "timeout": pool_timeout,
            # A connection idle this long is closed (seconds): a quiet replica
            # holds one, not max_size.
            "max_idle": 300,
        }
    else:
        db["CONN_MAX_AGE"] = conn_max_age
        db["CONN_HEALTH_CHECKS"] = True
    if timeout:
        milliseconds = round(timeout * 1000)
        db["OPTIONS"]["options"] = f"-c statement_timeout={milliseconds}"
    return db
