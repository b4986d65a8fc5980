"""Story 6: an editor logs into the Wagtail admin through the site's login,
corrects a film's title and poster, and the public page shows it."""

import pytest
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from wagtail.images import get_image_model

from accounts.factories import DEFAULT_PASSWORD, EditorFactory
from films.factories import FilmFactory
from films.models import Film

from .pages import click, fill, page_heading, path_of, submit, visit, wait

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def small_png(folder):
    path = folder / "arrival-poster.png"
    Image.new("RGB", (60, 90), (30, 60, 120)).save(path)
    return path


def test_editor_corrects_a_films_title_and_poster_in_the_admin(browser, tmp_path):
    film = FilmFactory(title="Arival", year=2016)
    EditorFactory(username="edith")

    # The admin's login is the site's login (allauth), then back to the admin.
    visit(browser, "/admin/")
    assert path_of(browser).startswith("/accounts/login/?next=/admin/")
    fill(browser, login="edith", password=DEFAULT_PASSWORD)
    submit(browser, "form[action*='login']")
    wait(browser).until(ec.url_matches(r"/admin/$"))

    browser.get(browser.live_server_url + "/admin/snippets/films/film/")
    click(
        browser,
        wait(browser).until(ec.element_to_be_clickable((By.LINK_TEXT, "Arival"))),
    )
    wait(browser).until(ec.url_contains(f"/edit/{film.pk}/"))

    title = browser.find_element(By.ID, "id_title")
    title.clear()
    title.send_keys("Arrival")

    # The poster: the image chooser's upload tab, with a small generated PNG.
    click(
        browser,
        browser.find_element(
            By.XPATH, "//button[contains(normalize-space(.), 'Choose an image')]"
        ),
    )
    upload_tab = wait(browser).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, ".modal a[href='#tab-upload']"))
    )
    click(browser, upload_tab)
    browser.find_element(By.CSS_SELECTOR, ".modal input[type=file]").send_keys(
        str(small_png(tmp_path))
    )
    title_field = browser.find_element(By.CSS_SELECTOR, ".modal input[name$='title']")
    # Wagtail fills the title in from the file name; then the editor names it.
    wait(browser).until(
        lambda b: title_field.get_attribute("value") == "arrival-poster"
    )
    title_field.clear()
    title_field.send_keys("Arrival poster")
    click(
        browser,
        browser.find_element(By.CSS_SELECTOR, ".modal #tab-upload button[type=submit]"),
    )
    wait(browser).until(ec.invisibility_of_element_located((By.CSS_SELECTOR, ".modal")))
    assert (
        "Arrival poster"
        in browser.find_element(
            By.CSS_SELECTOR, "[data-chooser-title], .chooser__title"
        ).text
    )

    submit(browser, "form[action*='/edit/']", button_text="Save")
    film.refresh_from_db()
    assert film.title == "Arrival"
    assert film.poster is not None, list(get_image_model().objects.values("title"))
    assert film.poster.title == "Arrival poster"
    assert "arrival-poster" in film.poster.file.name
    assert film.slug == "arival-2016"  # the address stays: links keep working

    visit(browser, film.get_absolute_url())
    assert page_heading(browser) == "Arrival (2016)"
    poster = browser.find_element(By.CSS_SELECTOR, "img.film-poster")
    assert poster.get_attribute("alt") == "Poster of Arrival"
    assert "arrival-poster" in poster.get_attribute("src")
    assert Film.objects.filter(title="Arival").count() == 0
