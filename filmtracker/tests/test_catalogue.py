"""The Russian catalogue is complete: the CI check behind `make makemessages`.

makemessages runs over a mirror of the project (symlinks to the source, a
copy of locale/), so the committed django.po is never touched by a test run.
"""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

PO_PATH = Path(settings.BASE_DIR) / "locale/ru/LC_MESSAGES/django.po"
# Not our source: virtualenv, collected static files, uploads, JS packages.
IGNORED = [".venv", "staticfiles", "media", "node_modules", "test-artifacts"]


@pytest.fixture
def fresh_catalogue(tmp_path, settings):
    """django.po as makemessages would leave it now, in a temporary copy."""
    base = Path(settings.BASE_DIR)
    for entry in base.iterdir():
        if entry.name in {"locale", *IGNORED} or entry.name.startswith("."):
            continue
        (tmp_path / entry.name).symlink_to(entry)
    shutil.copytree(base / "locale", tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        call_command(
            "makemessages",
            locale=["ru"],
            symlinks=True,
            ignore_patterns=IGNORED,
            no_obsolete=True,
            verbosity=0,
        )
    finally:
        os.chdir(cwd)
    return polib.pofile(str(tmp_path / "locale/ru/LC_MESSAGES/django.po"))


def test_makemessages_leaves_nothing_untranslated(fresh_catalogue):
    untranslated = [e.msgid for e in fresh_catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in fresh_catalogue.fuzzy_entries()]
    assert untranslated == [], "run `make makemessages` and translate these"
    assert fuzzy == [], "check these translations and drop their fuzzy flag"
    assert len(fresh_catalogue.translated_entries()) > 100


def test_makemessages_does_not_touch_the_committed_catalogue(fresh_catalogue):
    committed = polib.pofile(str(PO_PATH))
    # Same strings in the fresh catalogue as in the committed one.
    assert {e.msgid for e in fresh_catalogue if not e.obsolete} == {
        e.msgid for e in committed if not e.obsolete
    }


def test_committed_catalogue_has_russian_plural_forms():
    po = polib.pofile(str(PO_PATH))
    assert po.metadata["Plural-Forms"].startswith("nplurals=3;")
    assert po.metadata["Language"] == "ru"
    plural = [e for e in po if e.msgid_plural and not e.obsolete]
    assert plural and all(len(e.msgstr_plural) == 3 for e in plural)
    assert all(all(e.msgstr_plural.values()) for e in plural)
