"""Story 5: a visitor uses advanced search by title and year, and meets empty
and error states (a wrong year, nothing found, TMDB down) that make sense."""

import pytest
from selenium.webdriver.common.by import By

from films.factories import FilmFactory
from films.years import FILM_YEAR_MIN

from .pages import fill, page_heading, path_of, press, submit, text_of, visit

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def search(browser, *, title, year=""):
    fill(browser, q=title, year=year)
    submit(browser, ".search-form")


def local_results(browser):
    cards = browser.find_elements(By.CSS_SELECTOR, ".film-card")
    return [card.text.splitlines()[:2] for card in cards]


def tmdb_results(browser):
    rows = browser.find_elements(By.CSS_SELECTOR, "[data-testid=tmdb-result]")
    return [row.text.splitlines()[0] for row in rows]


def test_visitor_searches_by_title_and_year_and_meets_empty_and_error_states(
    browser, fake_tmdb
):
    FilmFactory(title="Heat", year=1995, tmdb_id=949)
    FilmFactory(title="Heat", year=1986, tmdb_id=None)

    visit(browser, "/")
    press(browser, "Advanced search", within="header")
    assert page_heading(browser) == "Search films"
    assert "What would you like to watch?" in text_of(
        browser, "[data-testid=search-empty-query]"
    )

    # Title and year: only the 1995 film; TMDB's Heat is that very film.
    search(browser, title="heat", year="1995")
    assert path_of(browser) == "/search/?q=heat&year=1995&genre="
    assert local_results(browser) == [["Heat", "1995"]]
    assert "1 film" in text_of(browser, "[data-testid=local-count]")
    assert "TMDB has nothing more for “heat”." in text_of(
        browser, "[data-testid=tmdb-none]"
    )

    # A title only TMDB knows: offered to the visitor, who must log in to add.
    search(browser, title="Memento")
    assert "No films on FilmTracker match “Memento”." in text_of(
        browser, "[data-testid=search-no-results]"
    )
    assert tmdb_results(browser) == ["Memento (2000)"]
    assert "Log in to add them." in text_of(browser, "#tmdb")
    assert not browser.find_elements(By.CSS_SELECTOR, "#tmdb form")

    # Nothing anywhere, with a year: the page says so and suggests a way out.
    search(browser, title="Zardoz", year="1974")
    empty = text_of(browser, "[data-testid=search-no-results]")
    assert "No films on FilmTracker match “Zardoz”." in empty
    assert "Try removing the year or the genre." in empty
    assert "TMDB has nothing more for “Zardoz”." in text_of(
        browser, "[data-testid=tmdb-none]"
    )

    # A year before cinema: the field says what is wrong; no search runs.
    requests_before = fake_tmdb.count("/3/search/movie")
    search(browser, title="Heat", year="1800")
    assert f"greater than or equal to {FILM_YEAR_MIN}" in text_of(
        browser, ".invalid-feedback"
    )
    assert not browser.find_elements(By.CSS_SELECTOR, ".film-card")
    assert fake_tmdb.count("/3/search/movie") == requests_before

    # TMDB down: the local results still show, with a calm explanation.
    fake_tmdb.set_mode("unavailable")
    search(browser, title="Heat", year="")
    assert local_results(browser) == [["Heat", "1986"], ["Heat", "1995"]]
    assert "TMDB isn't answering right now" in text_of(
        browser, "[data-testid=tmdb-error]"
    )
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid=tmdb-result]")
    assert "Log in to add them." not in text_of(browser, "#tmdb")
