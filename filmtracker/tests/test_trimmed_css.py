"""The trimmed Bootstrap (tools/trim_bootstrap.py) still has every class we use.

A Bootstrap class in a template, a script or a rendered page (django-bootstrap5
and allauth write some) that the trimmed file lacks would silently lose its
style: rebuild with `make css`.
"""

import re
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from films.factories import FilmFactory
from reviews.models import UserFilm

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from trim_bootstrap import SAFELIST, SOURCE, TARGET  # noqa: E402

CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')
CLASS_NAME_JS = re.compile(r"""(?:className\s*=|classList\.add\()\s*["']([^"']+)["']""")
TEMPLATE_SYNTAX = re.compile(r"{%.*?%}|{{.*?}}", re.S)


def css_classes(path):
    """Every `.name` in a stylesheet's selectors (declarations dropped)."""
    css = re.sub(r"{[^{}]*}", "{}", path.read_text(encoding="utf-8"))
    return set(re.findall(r"\.(-?[A-Za-z_][\w-]*)", css))


def classes_in(html):
    names = set()
    for value in CLASS_ATTR.findall(html):
        names.update(TEMPLATE_SYNTAX.sub(" ", value).split())
    return names


@pytest.fixture(scope="module")
def bootstrap():
    return {"full": css_classes(SOURCE), "trimmed": css_classes(TARGET)}


def assert_kept(used, bootstrap, where):
    missing = sorted((used & bootstrap["full"]) - bootstrap["trimmed"])
    assert not missing, f"{where}: Bootstrap classes the trimmed CSS lacks: {missing}"


def test_the_site_links_the_trimmed_file_not_the_full_one():
    base = (ROOT / "templates" / "base.html").read_text()
    assert "css/bootstrap.trimmed.min.css" in base
    assert "bootstrap/css/bootstrap.min.css" not in base


def test_trimmed_file_is_a_fraction_of_bootstrap(bootstrap):
    assert TARGET.stat().st_size * 2 < SOURCE.stat().st_size
    assert "Licensed under MIT" in TARGET.read_text()[:400]


def test_every_class_in_templates_and_scripts_is_kept(bootstrap):
    used = set()
    for template in (ROOT / "templates").rglob("*.html"):
        used |= classes_in(template.read_text(encoding="utf-8"))
    for script in (ROOT / "static" / "js").rglob("*.js"):
        for value in CLASS_NAME_JS.findall(script.read_text(encoding="utf-8")):
            used.update(value.split())
    assert {"container", "navbar", "card", "btn-primary"} <= used  # found at all
    assert_kept(used, bootstrap, "templates and scripts")


def test_rules_for_what_bootstraps_javascript_adds_are_kept():
    """The navbar toggler and the account menu: classes only the script adds."""
    css = TARGET.read_text(encoding="utf-8")
    for selector in [".collapse:not(.show)", ".collapsing", ".dropdown-menu.show"]:
        assert selector in css, selector
    assert {"show", "collapsing"} <= set(SAFELIST["standard"])


@pytest.mark.django_db
def test_every_class_on_rendered_pages_is_kept(client, bootstrap):
    """Forms with errors, menus and grids as the packages render them."""
    member = UserFactory(username="anna")
    film = FilmFactory(with_poster=True)
    UserFilm.objects.create(user=member, film=film, rating=7, comment="Good")
    pages = [
        client.get("/"),
        client.get(reverse("search:search"), {"q": "x", "year": "1"}),
        client.get(reverse("account_login")),
        client.post(reverse("account_login"), {"login": "anna", "password": "no"}),
        client.get(reverse("account_signup")),
        client.post(reverse("account_signup"), {"username": "", "email": "x"}),
    ]
    client.force_login(member)
    pages += [
        client.get(film.get_absolute_url()),
        client.post(reverse("reviews:edit", args=[film.slug]), {"rating": "99"}),
        client.get(reverse("accounts:profile", args=["anna"])),
        client.get(reverse("account_settings")),
    ]
    used = set()
    for response in pages:
        used |= classes_in(response.content.decode())
    assert {"is-invalid", "invalid-feedback", "form-control"} <= used
    assert_kept(used, bootstrap, "rendered pages")
