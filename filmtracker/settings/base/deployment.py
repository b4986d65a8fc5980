"""What only a deployment behind a TLS proxy applies: read here, set by production.py.

Development and tests serve plain http on one machine, so these stay off there.
"""

from environs import validate

from .environment import env

# How production holds its PostgreSQL connections (settings/database.py,
# README "Connections"): psycopg's pool of at most DB_POOL_MAX_SIZE connections
# per process, waiting DB_POOL_TIMEOUT seconds for a free one, or with 0
# Django's persistent connections (CONN_MAX_AGE seconds; 0 as well: a
# connection per request, e.g. behind PgBouncer). Every statement is cancelled
# after DB_STATEMENT_TIMEOUT seconds (0: never).
DEPLOY_DB_POOL_MAX_SIZE = env.int("DB_POOL_MAX_SIZE", 4, validate=validate.Range(min=0))
DEPLOY_DB_POOL_TIMEOUT = env.float("DB_POOL_TIMEOUT", 10.0)
DEPLOY_CONN_MAX_AGE = env.int("CONN_MAX_AGE", 60)
DEPLOY_DB_STATEMENT_TIMEOUT = env.float(
    "DB_STATEMENT_TIMEOUT", 20.0, validate=validate.Range(min=0)
)
# `false` only for a local run over plain http://localhost
# (docker-compose.override.yml).
DEPLOY_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
DEPLOY_SECURE_COOKIES = env.bool("SECURE_COOKIES", True)
# One year, subdomains included: what hstspreload.org asks for.
DEPLOY_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
