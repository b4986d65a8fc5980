"""axe-core (WCAG 2.1 A and AA) in Chromium over the public pages, English and Russian.

axe-core is vendored (tests/functional/vendor/axe-core, MPL-2.0, from the npm
registry) so CI needs nothing beyond the browser. Every violation fails the
test with the rule, its help text and the offending elements.
"""

import datetime
import json
from pathlib import Path

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from films.factories import CreditFactory, FilmFactory, GenreFactory
from films.models import Credit, FilmTranslation
from reviews.models import UserFilm, Viewing

from .pages import sign_in, submit, visit

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = ["en", "ru"]


@pytest.fixture
def catalogue():
    """Films as the site shows them: posters, genres, ratings, reviews, a
    Russian translation for some (English fallback for the others) and an
    original title in another language."""
    drama = GenreFactory(name="Drama")
    films = [FilmFactory(with_poster=True, year=1990 + i) for i in range(8)]
    spirited = films[0]
    spirited.title, spirited.original_title = "Spirited Away", "千と千尋の神隠し"
    spirited.original_language, spirited.tagline = "ja", "A tunnel to another world."
    spirited.save()
    FilmTranslation.objects.create(
        film=spirited, language="ru", title="Унесённые призраками", overview="Сказка."
    )
    CreditFactory(film=spirited, role=Credit.Role.DIRECTOR, order=0)
    CreditFactory(film=spirited, role=Credit.Role.CAST, character="Chihiro", order=1)
    members = [UserFactory(username=f"member{i}") for i in range(3)]
    for film in films:
        film.genres.add(drama)
        for i, member in enumerate(members):
            UserFilm.objects.create(
                user=member,
                film=film,
                rating=3 + 3 * i,
                comment=f"Review {i} of {film.title}.",
                watched_on=datetime.date(2024, 1, 1 + i),
            )
            # Diary rows: a first viewing and a rewatch with a note.
            for day in (1, 20):
                Viewing.objects.create(
                    user=member,
                    film=film,
                    watched_on=datetime.date(2024, 2, day),
                    rating=3 + 3 * i,
                    note="Again." if day == 20 else "",
                )
    return {"film": spirited, "member": members[0]}


def axe_violations(browser):
    browser.set_script_timeout(60)
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    return browser.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: "tag", values: arguments[0]}})
            .then((result) => done(result.violations))
            .catch((e) => done([{id: "axe-error", help: String(e), nodes: []}]));
        """,
        WCAG_TAGS,
    )


def describe(violations):
    return json.dumps(
        [
            {
                "rule": v["id"],
                "help": v["help"],
                "nodes": [
                    {"target": n["target"], "summary": n.get("failureSummary", "")}
                    for n in v["nodes"][:5]
                ],
            }
            for v in violations
        ],
        indent=1,
        ensure_ascii=False,
    )


def audit(browser, paths, language):
    browser.add_cookie({"name": "django_language", "value": language, "path": "/"})
    failures = {}
    for path in paths:
        visit(browser, path)
        assert browser.find_element("css selector", "html").get_attribute("lang") == (
            language
        ), path
        violations = axe_violations(browser)
        if violations:
            failures[path] = describe(violations)
    assert not failures, "\n".join(f"{p}:\n{v}" for p, v in failures.items())


@pytest.mark.parametrize("language", LANGUAGES)
def test_visitors_pages_have_no_wcag_violations(browser, catalogue, language):
    film = catalogue["film"]
    browser.get(browser.live_server_url + "/healthz")
    paths = [
        "/",
        reverse("search:search"),
        reverse("search:search") + "?q=Film",
        reverse("search:search") + "?q=x&year=1",  # a form with errors
        film.get_absolute_url(),
        reverse("accounts:profile", args=[catalogue["member"].username]),
        reverse("accounts:diary", args=[catalogue["member"].username]),
        reverse("account_login"),
        reverse("account_signup"),
    ]
    audit(browser, paths, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_members_pages_have_no_wcag_violations(browser, catalogue, language):
    film, member = catalogue["film"], catalogue["member"]
    member.language = language
    member.save(update_fields=["language"])
    sign_in(browser, member)
    paths = [
        film.get_absolute_url(),  # with the rating form
        reverse("reviews:edit", args=[film.slug]),
        reverse("accounts:profile", args=[member.username]),
        reverse("accounts:diary", args=[member.username]),  # their own
        reverse("account_export"),
        "/",
    ]
    audit(browser, paths, language)


def test_the_rating_form_error_page_puts_the_focus_on_the_error_summary(
    browser, catalogue
):
    film, member = catalogue["film"], catalogue["member"]
    sign_in(browser, member)
    visit(browser, reverse("reviews:edit", args=[film.slug]))
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    # Past the browser's own `max` check: the server's answer is what is tested.
    browser.execute_script(
        "const f = document.getElementById('id_watched_on');"
        "f.removeAttribute('max'); f.value = arguments[0];",
        tomorrow.isoformat(),
    )
    submit(browser, ".userfilm-form")
    assert browser.title.startswith("Error: ")
    focused = browser.execute_script("return document.activeElement.id")
    assert focused == "error-summary"
    assert not axe_violations(browser)
