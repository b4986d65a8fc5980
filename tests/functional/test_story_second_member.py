"""Story 3: a second member rates the same film; the average is right; the
first member can neither see an edit control for the second's review nor
change it with a forged request."""

import pytest
from selenium.webdriver.common.by import By

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from films.factories import FilmFactory
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm

from .pages import (
    alert_text,
    film_numbers,
    log_in,
    log_out,
    rate_film,
    text_of,
    visit,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Sent from the page with the member's own session cookie and CSRF token, the
# way a crafted script or a tampered form would send it.
FORGE = """
const [method, url, body, done] = arguments;
const token = document.querySelector("[name=csrfmiddlewaretoken]").value;
fetch(url, {
    method, credentials: "same-origin",
    headers: {"X-CSRFToken": token, "Content-Type": "application/json"},
    body: body && JSON.stringify(body),
}).then(r => done(r.status), e => done(String(e)));
"""


def forge(browser, method, url, body=None):
    return browser.execute_async_script(FORGE, method, url, body)


def test_second_member_rates_the_film_and_the_first_cannot_touch_that_review(
    browser,
):
    film = FilmFactory(title="Arrival", year=2016)
    anna = UserFactory(username="anna")
    UserFilmFactory(user=anna, film=film, rating=9, status="watched", comment="Wow.")
    UserFactory(username="boris")

    log_in(browser, "boris", DEFAULT_PASSWORD)
    visit(browser, film.get_absolute_url())
    rate_film(browser, stars="3.5", status="watched", comment="Too slow for me.")
    assert "saved" in alert_text(browser)
    numbers = film_numbers(browser)
    assert numbers["average"] == "4.0 / 5"  # (4.5 + 3.5) / 2
    assert numbers["ratings"] == "2 ratings"
    assert numbers["watched"] == "watched by 2 members"
    log_out(browser)

    borises = UserFilm.objects.get(user__username="boris")
    log_in(browser, "anna", DEFAULT_PASSWORD)
    visit(browser, film.get_absolute_url())
    review = browser.find_element(By.ID, f"review-{borises.pk}")
    assert "Too slow for me." in review.text
    # No edit control on Boris's review; Anna's own form holds Anna's entry.
    assert not review.find_elements(By.CSS_SELECTOR, "a[href*='rating'], form")
    assert browser.find_element(By.ID, "id_comment").get_attribute("value") == "Wow."
    visit(browser, "/users/boris/")
    assert "Too slow for me." in text_of(browser, "[data-testid=profile-film]")
    assert not browser.find_elements(By.PARTIAL_LINK_TEXT, "Edit")
    assert not browser.find_elements(By.PARTIAL_LINK_TEXT, "Remove")

    # A forged change or deletion of Boris's entry, from Anna's session, is
    # refused, and his entry stays as he wrote it.
    visit(browser, film.get_absolute_url())
    api_url = f"/api/v1/reviews/{borises.pk}/"
    assert forge(browser, "PATCH", api_url, {"rating": 1, "comment": "x"}) == 403
    assert forge(browser, "PUT", api_url, {"rating": 1, "comment": "x"}) == 403
    assert forge(browser, "DELETE", api_url) == 403
    unchanged = UserFilm.objects.get(pk=borises.pk)
    assert (unchanged.rating, unchanged.comment, unchanged.updated_at) == (
        7,
        "Too slow for me.",
        borises.updated_at,
    )
    assert UserFilm.objects.filter(user=anna).get().comment == "Wow."
