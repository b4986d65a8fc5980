"""What only a deployment behind a TLS proxy applies: read here, set by production.py.

Development and tests serve plain http on one machine, so these stay off there.
"""

from .environment import env

# Persistent database connections, in seconds; 0 turns them off (e.g. behind
# PgBouncer in transaction mode). Why not a pool: production.py.
DEPLOY_CONN_MAX_AGE = env.int("CONN_MAX_AGE", 60)
# `false` only for a local run over plain http://localhost
# (docker-compose.override.yml).
DEPLOY_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
DEPLOY_SECURE_COOKIES = env.bool("SECURE_COOKIES", True)
# One year, subdomains included: what hstspreload.org asks for.
DEPLOY_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
