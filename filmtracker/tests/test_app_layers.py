"""Which app may import which: films/ is below reviews/ and knows nothing of it.

Members' numbers live in reviews/ and are composed with films from above
(filmtracker/film_page.py, filmtracker/rest/films.py, home/, search/). A
`from reviews ...` or `import reviews` anywhere under films/ (tests too,
lazy imports inside functions too) fails here.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# app -> apps it must never import (directly, at any depth in its package).
# Members' lists sit above films/ as their ratings do.
FORBIDDEN = {"films": {"reviews", "lists"}}
OUR_APPS = ["accounts", "films", "home", "lists", "reviews", "search"]


def imported_top_packages(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0], node.lineno


def forbidden_imports(app, forbidden):
    return [
        f"{path.relative_to(ROOT)}:{line} imports {package}"
        for path in sorted((ROOT / app).rglob("*.py"))
        for package, line in imported_top_packages(path)
        if package in forbidden
    ]


def test_films_never_imports_reviews():
    for app, forbidden in FORBIDDEN.items():
        assert forbidden_imports(app, forbidden) == []


def test_the_scan_finds_an_import_of_reviews(tmp_path):
    # The check itself must be able to fail: lazy and aliased imports count.
    module = tmp_path / "m.py"
    module.write_text(
        "def f():\n    from reviews.models import UserFilm\nimport reviews.x as y\n"
    )
    assert [p for p, _line in imported_top_packages(module)] == ["reviews", "reviews"]


def test_no_import_circle_between_the_apps_models():
    graph = {
        app: {
            package
            for package, _line in imported_top_packages(ROOT / app / "models.py")
            if package in OUR_APPS and package != app
        }
        for app in OUR_APPS
        if (ROOT / app / "models.py").exists()
    }

    def reaches(start, goal, seen=()):
        return any(
            n == goal or (n not in seen and reaches(n, goal, (*seen, n)))
            for n in graph.get(start, ())
        )

    assert [app for app in OUR_APPS if app in graph and reaches(app, app)] == []
