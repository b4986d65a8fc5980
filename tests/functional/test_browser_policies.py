"""In a real browser: the strict CSP of the API docs and of the admin breaks
nothing (no violation in the console), and no page asks another host for
anything (Gravatar, Redoc's logo, swagger's validator badge)."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from wagtail.models import Page

from accounts.factories import EditorFactory
from films.factories import FilmFactory

from .pages import sign_in, wait

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def open_and_check(browser, path, ready_css):
    """Load `path`, wait for `ready_css`; return console errors and the
    addresses of resources fetched from other hosts."""
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(browser.live_server_url + path)
    wait(browser, 20).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, ready_css))
    )
    # Let late requests (images, workers) start before reading the console.
    wait(browser).until(
        lambda driver: driver.execute_script("return document.readyState") == "complete"
    )
    errors = [
        entry["message"]
        for entry in browser.get_log("browser")
        if entry["level"] == "SEVERE"
    ]
    foreign = [
        url
        for url in browser.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
        )
        if not url.startswith((browser.live_server_url, "data:", "blob:"))
    ]
    return errors, foreign


@pytest.mark.parametrize(
    ("path", "ready_css"),
    [
        ("/api/docs/", "#swagger-ui .opblock"),
        ("/api/redoc/", "redoc .api-content, .redoc-wrap .api-content"),
    ],
)
def test_api_docs_render_under_their_policy(browser, path, ready_css):
    errors, foreign = open_and_check(browser, path, ready_css)

    assert errors == []
    assert foreign == []


def test_redoc_shows_its_logo_from_our_host(browser):
    open_and_check(browser, "/api/redoc/", "img[alt='redocly logo']")

    logo = browser.find_element(By.CSS_SELECTOR, "img[alt='redocly logo']")
    assert logo.get_attribute("src").startswith(browser.live_server_url)
    assert browser.execute_script("return arguments[0].naturalWidth", logo) > 0


def test_admin_screens_render_without_csp_violations(browser):
    admin = EditorFactory(username="edith", is_superuser=True)
    film = FilmFactory(with_poster=True)
    page = Page.objects.filter(depth=2).first()
    sign_in(browser, admin)
    screens = [
        reverse("wagtailadmin_home"),
        reverse("wagtailsnippets_films_film:edit", args=[film.pk]),
        reverse("wagtailimages:edit", args=[film.poster_id]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailusers_users:edit", args=[admin.pk]),
    ]
    for path in screens:
        errors, foreign = open_and_check(browser, path, "main form, main .w-summary")
        assert errors == [], (path, errors)
        assert foreign == [], path


def test_favicon_is_served(browser):
    browser.get(browser.live_server_url + "/favicon.ico")
    status = browser.execute_script(
        "return performance.getEntriesByType('navigation')[0].responseStatus"
    )
    assert status == 200
