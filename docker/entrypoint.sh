#!/bin/sh
# Container start-up: wait for the database, prepare it (once, even when several
# web containers start together), then run the command (gunicorn by default).
set -eu

# A SECRET_KEY left empty under docker compose: make one on first start and keep
# it in the state volume, so sessions survive restarts and every web container
# signs with the same key. Production hosts should set SECRET_KEY themselves.
if [ -z "${SECRET_KEY:-}" ] && [ -n "${SECRET_KEY_FILE:-}" ]; then
    if [ ! -s "$SECRET_KEY_FILE" ]; then
        tmp="$SECRET_KEY_FILE.$$"
        python -c 'import secrets; print(secrets.token_urlsafe(50))' > "$tmp"
        # mv -n: the first container to get here wins; the others use its key.
        mv -n "$tmp" "$SECRET_KEY_FILE" 2>/dev/null || true
        rm -f "$tmp"
    fi
    SECRET_KEY=$(cat "$SECRET_KEY_FILE")
    export SECRET_KEY
fi

python manage.py wait_for_db --timeout "${DB_WAIT_TIMEOUT:-60}"

if [ "${RUN_RELEASE:-true}" = "true" ]; then
    if [ "${SEED_DEMO:-true}" = "true" ]; then
        python manage.py release
    else
        python manage.py release --no-seed
    fi
fi

exec "$@"
