"""The benchmark is no installed app in production, only under `make bench`."""

from django.conf import settings

from filmtracker.tests.test_settings_profiles import _settings_of

SECRETS = {
    "SECRET_KEY": "probe",
    "DATABASE_URL": "postgres://probe@127.0.0.1:1/p",
    "CACHE_URL": "redis://127.0.0.1:1/0",  # never connected to
}


def test_bench_is_not_installed_in_production_but_is_for_make_bench():
    assert (
        "bench"
        not in _settings_of("filmtracker.settings.production", **SECRETS)["apps"]
    )
    assert "bench" in _settings_of("filmtracker.settings.bench", **SECRETS)["apps"]


def test_the_api_description_is_read_from_its_markdown_file():
    path = settings.BASE_DIR / "filmtracker" / "rest" / "api_description.md"
    assert settings.SPECTACULAR_SETTINGS["DESCRIPTION"] == path.read_text("utf-8")
    assert "## Authentication: session or JWT?" in path.read_text("utf-8")
