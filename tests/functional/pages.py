"""Small page helpers for the browser stories: what a person does, in words.

Every wait is explicit (WebDriverWait); nothing sleeps. Helpers find fields by
the ids Django gives them (`id_<name>`), so they work on every form page.
"""

import re

from django.conf import settings
from django.core import mail
from django.test import Client
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

WAIT = 10
LINK = re.compile(r"https?://[^\s\"'<>]+")


def wait(browser, timeout=WAIT):
    return WebDriverWait(browser, timeout)


def leave_page(browser, action):
    """Do `action` (a click that navigates) and wait until a new page has loaded.

    `staleness_of` on the old <html> element is racy in Chromium: while the old
    document is being torn down it may answer "Node ... does not belong to the
    document" (an unknown error, not a stale-element one). Instead the old
    window object gets a marker, which the next page's window never has.
    """
    browser.execute_script("window.__filmtrackerOldPage = true")
    action()

    def new_page_loaded(driver):
        try:
            return driver.execute_script(
                "return window.__filmtrackerOldPage !== true"
                " && document.readyState !== 'loading'"
            )
        except WebDriverException:  # mid-navigation: no document to ask yet
            return False

    wait(browser).until(new_page_loaded)


def visit(browser, path):
    browser.get(browser.live_server_url + path)
    return wait(browser).until(ec.presence_of_element_located((By.TAG_NAME, "main")))


def click(browser, element):
    """Bootstrap scrolls smoothly; jump to the element so the click lands on it."""
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
    )
    element.click()


def fill(browser, **fields):
    """Type into form fields by name: fill(browser, login="anna", password="…")."""
    for name, value in fields.items():
        field = wait(browser).until(
            ec.visibility_of_element_located((By.ID, f"id_{name}"))
        )
        field.clear()
        field.send_keys(value)


def choose(browser, name, value):
    Select(browser.find_element(By.ID, f"id_{name}")).select_by_value(value)


def submit(browser, form_css="main form", button_text=None):
    """Press the form's submit button (the one saying `button_text`, if given)
    and wait for the next page to replace this one."""
    form = browser.find_element(By.CSS_SELECTOR, form_css)
    buttons = form.find_elements(By.CSS_SELECTOR, "[type=submit]")
    if button_text is not None:
        buttons = [b for b in buttons if button_text in b.text]
    assert buttons, f"no submit button {button_text!r} in {form_css}"
    leave_page(browser, lambda: click(browser, buttons[0]))


def press(browser, text, within="main"):
    """Click the link or button that says `text` (inside the `within` element)
    and wait for the next page."""
    element = wait(browser).until(
        ec.element_to_be_clickable(
            (
                By.XPATH,
                f"//{within}//*[self::a or self::button][contains(normalize-space(.), "
                f"'{text}')]",
            )
        )
    )
    leave_page(browser, lambda: click(browser, element))


def text_of(browser, css):
    return (
        wait(browser).until(ec.presence_of_element_located((By.CSS_SELECTOR, css))).text
    )


def alert_text(browser, kind="success"):
    return text_of(browser, f".alert-{kind}")


def page_heading(browser):
    return text_of(browser, "h1")


def path_of(browser):
    return browser.current_url.removeprefix(browser.live_server_url)


# --- accounts -------------------------------------------------------------------


def open_account_menu(browser, username):
    """Open the navbar's account menu (it says the member's name)."""
    toggle = browser.find_element(
        By.XPATH, f"//header//button[normalize-space(.)='{username}']"
    )
    click(browser, toggle)
    wait(browser).until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, "header .dropdown-menu"))
    )


def log_in(browser, login, password, next_path=""):
    visit(browser, "/accounts/login/" + (f"?next={next_path}" if next_path else ""))
    fill(browser, login=login, password=password)
    submit(browser, "form[action*='login']")


def log_out(browser):
    visit(browser, "/accounts/logout/")
    submit(browser, "main form")


def is_logged_in_as(browser, username):
    """The navbar links to the member's profile only when they are signed in."""
    return bool(
        browser.find_elements(By.CSS_SELECTOR, f"nav a[href='/users/{username}/']")
    )


def sign_in(browser, user):
    """Give the browser a session for `user` (for stories about something else)."""
    client = Client()
    client.force_login(user)
    browser.get(browser.live_server_url + "/healthz")
    browser.add_cookie(
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "path": "/",
        }
    )


def last_email_to(address):
    sent = [m for m in mail.outbox if address in m.to]
    assert sent, f"no email to {address}; outbox: {[m.subject for m in mail.outbox]}"
    return sent[-1]


def link_in(message, containing):
    links = [link for link in LINK.findall(message.body) if containing in link]
    assert links, f"no link with {containing!r} in:\n{message.body}"
    return links[0]


# --- films ----------------------------------------------------------------------


def film_numbers(browser):
    """The site average, rating count and watch count as the film page shows them."""
    return {
        "average": text_of(browser, "[data-testid=site-average]"),
        "ratings": text_of(browser, "[data-testid=rating-count]"),
        "watched": text_of(browser, "[data-testid=watch-count]"),
    }


def rate_film(browser, *, stars, status, comment):
    choose(browser, "rating", stars)
    choose(browser, "status", status)
    fill(browser, comment=comment)
    submit(browser, ".userfilm-form")


# --- one-click controls (reviews/includes/quick_controls.html) -------------------


def rate_with_arrow_keys(browser, presses, within=".quick-controls-page"):
    """Rate with the keyboard: focus the stars' radio group at "no rating" and
    press the right arrow `presses` times (each press is one half star)."""
    none = browser.find_element(
        By.CSS_SELECTOR, f"{within} input[name=rating][value='']"
    )
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});"
        "arguments[0].focus();",
        none,
    )
    keys = ActionChains(browser)
    for _ in range(presses):
        keys.send_keys(Keys.ARROW_RIGHT)
    keys.perform()


def quick_status(browser, within=".quick-controls-page"):
    """The controls' live region, once it says something."""
    region = f"{within} [data-quick-status]"
    wait(browser).until(lambda b: b.find_element(By.CSS_SELECTOR, region).text)
    return text_of(browser, region)


# --- Wagtail admin --------------------------------------------------------------


def admin_insert_block(browser, label, field="body"):
    """Add a `label` block ("Film", "Quote"...) at the end of a StreamField."""
    buttons = browser.find_elements(
        By.CSS_SELECTOR, f"[data-contentpath='{field}'] button.c-sf-add-button"
    )
    click(browser, buttons[-1])
    option = wait(browser).until(
        ec.element_to_be_clickable(
            (
                By.XPATH,
                "//*[@role='option' or contains(@class, 'w-combobox__option')]"
                f"[normalize-space(.)='{label}']",
            )
        )
    )
    click(browser, option)


def admin_choose(browser, button_text, item_text):
    """Open the chooser whose button says `button_text` (the last one, the block
    just added) and pick `item_text` from its modal."""
    button = wait(browser).until(
        ec.element_to_be_clickable(
            (By.XPATH, f"(//button[normalize-space(.)='{button_text}'])[last()]")
        )
    )
    click(browser, button)
    choice = wait(browser).until(
        ec.element_to_be_clickable(
            (
                By.XPATH,
                f"//div[contains(@class, 'modal')]//a[contains(., '{item_text}')]",
            )
        )
    )
    click(browser, choice)
    wait(browser).until(ec.invisibility_of_element_located((By.CSS_SELECTOR, ".modal")))


def admin_publish(browser):
    """Publish the page being edited (the footer's "Publish", behind its menu)."""
    button = browser.find_element(By.CSS_SELECTOR, "button[name='action-publish']")
    if not button.is_displayed():
        toggle = browser.find_element(
            By.CSS_SELECTOR, "footer [data-w-dropdown-target='toggle']"
        )
        click(browser, toggle)
        wait(browser).until(ec.visibility_of(button))
    leave_page(browser, lambda: click(browser, button))
