import pytest
from selenium.webdriver.common.by import By

from films.factories import FilmFactory

# serialized_rollback: another transactional test may have run first, and the
# flush after it takes the page tree that migrations create.
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_visitor_opens_the_home_page_and_sees_a_film(browser):
    FilmFactory(title="Stalker", year=1979)
    browser.get(browser.live_server_url + "/")
    assert "FilmTracker" in browser.title
    link = browser.find_element(By.LINK_TEXT, "Stalker")
    link.click()
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Stalker")
