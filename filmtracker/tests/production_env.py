"""The environment the production settings are checked under (throwaway secrets)."""

import os
import secrets


def production_env():
    env = {
        key: value
        for key, value in os.environ.items()
        # A developer's .env or shell must not loosen what is checked here.
        if not key.startswith(("SECURE_", "DJANGO_", "TRUSTED_PROXY"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="filmtracker.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL="sqlite:///unused-by-checks.sqlite3",
        CACHE_URL="redis://127.0.0.1:1/0",  # never connected to by these checks
        ALLOWED_HOSTS="films.example.org",
        DEBUG="false",
    )
    return env
