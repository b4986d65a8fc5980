"""Browser stories for the public site: rating with POST-redirect-GET, autocomplete."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

from accounts.factories import UserFactory
from films.factories import FilmFactory
from reviews.models import UserFilm

from .pages import WAIT, click, sign_in

# serialized_rollback: the flush after another transactional test takes the
# page tree that migrations create, and these stories open the home page.
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_member_rates_a_film_and_reloading_does_not_post_again(browser):
    film = FilmFactory(title="Stalker", year=1979)
    member = UserFactory(username="anna")
    sign_in(browser, member)
    browser.get(browser.live_server_url + film.get_absolute_url())

    Select(browser.find_element(By.ID, "id_rating")).select_by_value("4.5")
    browser.find_element(By.ID, "id_comment").send_keys("Hypnotic.")
    click(browser, browser.find_element(By.CSS_SELECTOR, ".userfilm-form button"))

    WebDriverWait(browser, WAIT).until(
        ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".alert-success"), "saved")
    )
    assert browser.current_url.endswith(f"{film.get_absolute_url()}#your-rating")
    saved = UserFilm.objects.get(user=member, film=film)
    assert (saved.rating, saved.comment) == (9, "Hypnotic.")

    browser.refresh()  # after POST-redirect-GET, a reload is a plain GET
    WebDriverWait(browser, WAIT).until(
        ec.presence_of_element_located((By.ID, "your-rating"))
    )
    assert not browser.find_elements(By.CSS_SELECTOR, ".alert-success")
    assert UserFilm.objects.count() == 1
    assert UserFilm.objects.get().updated_at == saved.updated_at
    selected = Select(browser.find_element(By.ID, "id_rating")).first_selected_option
    assert selected.get_attribute("value") == "4.5"


def test_search_box_suggests_films_and_opens_the_chosen_one(browser):
    FilmFactory(title="Stalker", year=1979)
    FilmFactory(title="Star Wars", year=1977)
    browser.get(browser.live_server_url + "/")
    box = browser.find_element(By.ID, "navbar-search")
    box.send_keys("Stal")

    option = WebDriverWait(browser, WAIT).until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, "[role=option]"))
    )
    assert "Stalker" in option.text
    assert box.get_attribute("aria-expanded") == "true"
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    box.send_keys(Keys.ENTER)

    WebDriverWait(browser, WAIT).until(ec.url_contains("/films/stalker-1979/"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Stalker")


def test_phone_visitor_searches_from_the_collapsed_menu(browser):
    FilmFactory(title="Solaris", year=1972)
    browser.set_window_size(375, 800)
    browser.get(browser.live_server_url + "/")
    browser.find_element(By.CSS_SELECTOR, ".navbar-toggler").click()
    box = WebDriverWait(browser, WAIT).until(
        ec.visibility_of_element_located((By.ID, "navbar-search"))
    )
    box.send_keys("solaris", Keys.ENTER)  # no suggestion chosen: a plain search
    WebDriverWait(browser, WAIT).until(ec.url_contains("/search/?q=solaris"))
    link = browser.find_element(By.LINK_TEXT, "Solaris")
    # The page fits the phone: nothing sticks out sideways.
    assert browser.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth"
    )
    click(browser, link)
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Solaris")
