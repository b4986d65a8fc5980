"""The debug toolbar loads in development only; production pools connections."""

import json
import os
import subprocess
import sys

from django.conf import settings

PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'apps': settings.INSTALLED_APPS, "
    "'middleware': settings.MIDDLEWARE, 'debug': settings.DEBUG, "
    "'toolbar': getattr(settings, 'DEBUG_TOOLBAR_CONFIG', {}), "
    "'db': {k: settings.DATABASES['default'].get(k) "
    "for k in ('CONN_MAX_AGE', 'CONN_HEALTH_CHECKS')}, "
    "'pool': settings.DATABASES['default']['OPTIONS'].get('pool')}))"
)


def _settings_of(module, **env):
    """Load a settings module in a fresh interpreter, as a server would."""
    result = subprocess.run(  # noqa: S603 - fixed argv
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
        env={
            key: value
            for key, value in {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": module,
                **env,
            }.items()
            if value is not None  # None: unset, as on a fresh clone
        },
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _has_toolbar(loaded):
    return "debug_toolbar" in loaded["apps"] or any(
        "debug_toolbar" in m for m in loaded["middleware"]
    )


def test_toolbar_is_not_in_the_test_settings():
    assert "debug_toolbar" not in settings.INSTALLED_APPS
    assert not any("debug_toolbar" in m for m in settings.MIDDLEWARE)


def test_toolbar_is_not_in_production_even_when_installed():
    loaded = _settings_of(
        "filmtracker.settings.production",
        SECRET_KEY="probe",
        DATABASE_URL="postgres://probe@127.0.0.1:1/probe",
        CACHE_URL="redis://127.0.0.1:1/0",
        DEBUG_TOOLBAR="true",
    )
    assert loaded["debug"] is False
    assert not _has_toolbar(loaded)
    # psycopg's pool in place of Django's persistent connections (database.py).
    assert loaded["pool"]["max_size"] >= 1
    assert loaded["db"]["CONN_MAX_AGE"] == 0


def test_toolbar_is_in_development():
    loaded = _settings_of("filmtracker.settings.dev", DEBUG_TOOLBAR="true")
    assert _has_toolbar(loaded)


def test_toolbar_is_off_in_development_unless_asked_for():
    loaded = _settings_of("filmtracker.settings.dev", DEBUG_TOOLBAR=None)
    assert not _has_toolbar(loaded)


def test_toolbar_starts_collapsed_when_asked_for():
    loaded = _settings_of("filmtracker.settings.dev", DEBUG_TOOLBAR="true")
    assert loaded["toolbar"]["SHOW_COLLAPSED"] is True
