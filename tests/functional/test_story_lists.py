"""Story: a member makes a ranked list, adds three films from their pages,
reorders them from the keyboard with the "Move up/down" buttons, makes the
list private, and another member no longer finds it anywhere."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from films.factories import FilmFactory

from .pages import (
    alert_text,
    click,
    fill,
    leave_page,
    log_in,
    log_out,
    press,
    submit,
    visit,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def titles_in_order(browser):
    return [
        element.text
        for element in browser.find_elements(
            By.CSS_SELECTOR, "[data-testid=entry-title]"
        )
    ]


def press_with_keyboard(browser, film_title, testid):
    """Tab-reachable button: focus it and press Enter, as a keyboard user would."""
    row = browser.find_element(
        By.XPATH,
        f"//li[@data-testid='entry'][.//a[@data-testid='entry-title']"
        f"[normalize-space(.)='{film_title}']]",
    )
    button = row.find_element(By.CSS_SELECTOR, f"[data-testid={testid}]")
    browser.execute_script("arguments[0].focus()", button)
    assert browser.switch_to.active_element == button
    leave_page(browser, lambda: button.send_keys(Keys.ENTER))


def test_ranked_list_made_reordered_and_hidden(browser):
    films = [
        FilmFactory(title=title, year=year)
        for title, year in (("Alien", 1979), ("Heat", 1995), ("Ran", 1985))
    ]
    UserFactory(username="anna")
    UserFactory(username="boris")

    log_in(browser, "anna", DEFAULT_PASSWORD)
    visit(browser, "/users/anna/lists/")
    press(browser, "New list")
    fill(browser, title="My top three")
    click(browser, browser.find_element(By.ID, "id_ranked"))
    submit(browser, "[data-testid=list-form]")
    assert "was made" in alert_text(browser)
    list_path = "/users/anna/lists/my-top-three/"

    for film in films:
        visit(browser, film.get_absolute_url())
        submit(browser, "#add-to-list form")
        assert "was added to My top three" in alert_text(browser)

    visit(browser, list_path)
    assert titles_in_order(browser) == ["Alien", "Heat", "Ran"]
    press_with_keyboard(browser, "Ran", "move-up")
    assert "now number 2" in alert_text(browser)
    assert titles_in_order(browser) == ["Alien", "Ran", "Heat"]
    press_with_keyboard(browser, "Alien", "move-down")
    assert titles_in_order(browser) == ["Ran", "Alien", "Heat"]
    ranks = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".list-rank")]
    assert ranks == ["1", "2", "3"]

    press(browser, "Edit")
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[value=private]"))
    submit(browser, "[data-testid=list-form]")
    assert "Private" in browser.find_element(By.TAG_NAME, "h1").text
    log_out(browser)

    log_in(browser, "boris", DEFAULT_PASSWORD)
    visit(browser, list_path)
    assert "Page not found" in browser.page_source
    visit(browser, "/users/anna/lists/")
    assert "My top three" not in browser.find_element(By.TAG_NAME, "main").text
    visit(browser, films[0].get_absolute_url())
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid=in-lists]")
