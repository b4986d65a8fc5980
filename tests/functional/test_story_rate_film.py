"""Story 2: a member adds a film that is only on TMDB, rates it, reloads the
page without posting twice, sees the site's numbers change and finds the film
on their profile."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from films.factories import FilmFactory
from films.models import Film
from reviews.models import UserFilm

from .pages import (
    alert_text,
    fill,
    film_numbers,
    log_in,
    open_account_menu,
    page_heading,
    path_of,
    press,
    rate_film,
    submit,
    text_of,
    wait,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_member_adds_a_tmdb_film_rates_it_and_finds_it_on_their_profile(
    browser, fake_tmdb
):
    FilmFactory(title="The Matrix", year=1999, tmdb_id=603)  # already local
    anna = UserFactory(username="anna")
    log_in(browser, "anna", DEFAULT_PASSWORD)

    press(browser, "Advanced search", within="header")
    fill(browser, q="Matrix Reloaded")
    submit(browser, ".search-form")
    tmdb_only = browser.find_elements(By.CSS_SELECTOR, "[data-testid=tmdb-result]")
    assert [r.text.splitlines()[0] for r in tmdb_only] == ["The Matrix Reloaded (2003)"]
    assert not Film.objects.filter(tmdb_id=604).exists()

    submit(browser, "[data-testid=tmdb-result] form")  # "Add to FilmTracker"
    film = Film.objects.get(tmdb_id=604)
    assert path_of(browser) == film.get_absolute_url()
    assert "The Matrix Reloaded (2003) was added to FilmTracker." in alert_text(browser)
    assert page_heading(browser) == "The Matrix Reloaded (2003)"
    before = film_numbers(browser)
    assert before["average"] == "No ratings yet"
    assert before["watched"] == "watched by 0 members"

    rate_film(browser, stars="4.5", status="watched", comment="Burly Brawl!")
    assert "Your rating of The Matrix Reloaded was saved." in alert_text(browser)
    saved = UserFilm.objects.get(user=anna, film=film)
    assert (saved.rating, saved.status, saved.comment) == (9, "watched", "Burly Brawl!")

    # A reload after POST-redirect-GET is a plain GET: nothing is posted twice.
    browser.refresh()
    wait(browser).until(lambda b: b.find_elements(By.ID, "your-rating"))
    assert UserFilm.objects.count() == 1
    assert UserFilm.objects.get().updated_at == saved.updated_at
    assert not browser.find_elements(By.CSS_SELECTOR, ".alert-success")
    assert path_of(browser) == f"{film.get_absolute_url()}#your-rating"
    rating = Select(browser.find_element(By.ID, "id_rating")).first_selected_option
    assert rating.get_attribute("value") == "4.5"

    after = film_numbers(browser)
    assert after["average"] == "4.5 / 5"
    assert after["ratings"] == "1 rating"
    assert after["watched"] == "watched by 1 member"
    assert "Burly Brawl!" in text_of(browser, "#reviews")

    open_account_menu(browser, "anna")
    press(browser, "My films", within="header")
    assert path_of(browser) == "/users/anna/"
    entry = text_of(browser, "[data-testid=profile-film]")
    assert "The Matrix Reloaded (2003)" in entry
    assert "Burly Brawl!" in entry
