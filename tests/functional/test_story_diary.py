"""Story: a member rates a film with the stars by keyboard, logs "watched
today" and an earlier rewatch, finds both in their diary and the film page's
counts, and removes one."""

import datetime

import pytest
from selenium.webdriver.common.by import By

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.time_zones import member_today
from films.factories import FilmFactory
from reviews.models import UserFilm, Viewing

from .pages import (
    click,
    leave_page,
    log_in,
    quick_status,
    rate_with_arrow_keys,
    submit,
    text_of,
    visit,
    wait,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EARLIER = datetime.date(2020, 5, 1)


def _entries(browser, css):
    return [e.text for e in browser.find_elements(By.CSS_SELECTOR, css)]


def test_member_rates_by_keyboard_logs_today_and_a_rewatch_and_removes_one(browser):
    film = FilmFactory(title="Stalker", year=1979)
    anna = UserFactory(username="anna", time_zone="Pacific/Kiritimati")
    log_in(browser, "anna", DEFAULT_PASSWORD)
    visit(browser, film.get_absolute_url())

    # Eight presses of the right arrow: 4 stars, saved in place (no reload).
    rate_with_arrow_keys(browser, 8)
    wait(browser).until(
        lambda _b: (
            UserFilm.objects.filter(user=anna, rating=8).exists()
            and text_of(browser, ".quick-controls-page [data-quick-value]") == "4"
        )
    )
    assert quick_status(browser) == "Rating saved."
    # The page's other parts follow without a reload: the counts, the site's
    # average and the member's own summary (there was none before).
    wait(browser).until(
        lambda _b: text_of(browser, "[data-testid=site-average]").startswith("4.0")
    )
    assert text_of(browser, "[data-testid=rating-count]") == "1 rating"
    assert "Watched" in text_of(browser, "[data-testid=own-summary]")
    assert UserFilm.objects.get(user=anna).status == "watched"
    # The full form below says 4 stars too, so saving it later keeps the new
    # rating instead of putting the old one back.
    rating_field = browser.find_element(By.CSS_SELECTOR, ".userfilm-form [name=rating]")
    assert rating_field.get_attribute("value") == "4"
    assert not Viewing.objects.exists()  # a rating alone logs no viewing

    # "Watched today": the member's today (UTC+14), in one click.
    submit(browser, "#your-viewings form:has([data-testid=watched-today])")
    today = member_today(anna)
    assert Viewing.objects.get().watched_on == today

    # A rewatch? No: an earlier first viewing, which makes today's the rewatch.
    click(browser, browser.find_element(By.CSS_SELECTOR, "#your-viewings summary"))
    date_input = browser.find_element(
        By.CSS_SELECTOR, "[data-testid=viewing-form] input[name=watched_on]"
    )
    browser.execute_script(
        "arguments[0].value = arguments[1]", date_input, str(EARLIER)
    )
    submit(browser, "[data-testid=viewing-form]")
    assert sorted(Viewing.objects.values_list("watched_on", flat=True)) == [
        EARLIER,
        today,
    ]
    assert text_of(browser, "[data-testid=viewing-count]") == "2 viewings"
    assert text_of(browser, "[data-testid=watch-count]") == "watched by 1 member"
    own = _entries(browser, "[data-testid=own-viewings] li")
    assert len(own) == 2 and "rewatch" in own[0] and "rewatch" not in own[1]

    # Both in the diary, newest first, today's marked as the rewatch.
    visit(browser, "/users/anna/diary/")
    diary = _entries(browser, "[data-testid=diary-entry]")
    assert len(diary) == 2
    assert all("Stalker" in entry for entry in diary)
    assert len(browser.find_elements(By.CSS_SELECTOR, "[data-testid=rewatch]")) == 1

    # Remove the earlier one on the film page: one viewing left, no rewatch.
    visit(browser, film.get_absolute_url())
    remove = browser.find_elements(
        By.CSS_SELECTOR, "[data-testid=own-viewings] li form button"
    )[-1]
    leave_page(browser, lambda: click(browser, remove))
    assert list(Viewing.objects.values_list("watched_on", flat=True)) == [today]
    assert text_of(browser, "[data-testid=viewing-count]") == "1 viewing"
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid=rewatch]")
    assert UserFilm.objects.get(user=anna).rating == 8  # the entry stays
