"""`make test` collects every app's tests: an app missing from pytest's
testpaths has its tests silently skipped (journal, seo and ops once were)."""

import tomllib
from pathlib import Path

from django.conf import settings


def test_every_folder_with_tests_is_in_pytests_testpaths():
    root = Path(settings.BASE_DIR)
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    testpaths = set(config["tool"]["pytest"]["ini_options"]["testpaths"])
    with_tests = {
        path.parent.name
        for path in root.glob("*/tests")
        if any(path.rglob("test_*.py"))
    }
    assert with_tests - testpaths == set()
    assert "tests" in testpaths  # the project-wide stories and reliability tests
