"""Every environment variable is read once, in the base settings package.

`dev`, `test`, `production` and `bench` only change defaults and switch features
on or off: a second read with another default (production once had its own
TRUSTED_PROXY_COUNT) is how settings drift apart unseen.
"""

import ast
from collections import Counter
from pathlib import Path

from django.conf import settings

SETTINGS_DIR = Path(settings.BASE_DIR) / "filmtracker" / "settings"
ENV_NAMES = {"env", "os.environ", "os.getenv"}


def _reads(path):
    """(variable name, line) for each env.<parser>("NAME", ...) or os.environ read."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = ast.unparse(node.func.value)
            if owner in ENV_NAMES and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    yield first.value, node.lineno
        elif (
            isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ"
        ):
            yield ast.unparse(node.slice), node.lineno


def test_no_settings_module_outside_base_reads_the_environment():
    outside = {
        f"{path.name}:{line} {name}"
        for path in SETTINGS_DIR.glob("*.py")
        for name, line in _reads(path)
    }
    assert outside == set()


def test_each_variable_is_read_once_in_base():
    counts = Counter(
        name
        for path in (SETTINGS_DIR / "base").glob("*.py")
        for name, _line in _reads(path)
    )
    assert counts["DATABASE_URL"] == 1  # the walk finds reads at all
    assert [name for name, count in counts.items() if count > 1] == []
