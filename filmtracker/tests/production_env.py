"""The environment the production settings are checked under (throwaway secrets)."""

import importlib
import os
import secrets
import sys


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


def settings_fresh(name):
    """The names a settings module (`filmtracker.settings.production`) defines,
    run anew under the current environment, its base package included.

    Settings read the environment when imported, and `production` takes most of
    its values from `base`: both must be imported again, not found in
    sys.modules. The modules the running tests use are put back afterwards.
    """
    prefix = "filmtracker.settings"
    kept = {
        key: module for key, module in sys.modules.items() if key.startswith(prefix)
    }
    for key in kept:
        del sys.modules[key]
    try:
        return dict(vars(importlib.import_module(name)))
    finally:
        for key in [key for key in sys.modules if key.startswith(prefix)]:
            del sys.modules[key]
        sys.modules.update(kept)
