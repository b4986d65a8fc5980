"""Story: an editor writes a journal article about a film in the Wagtail admin
and publishes it; a visitor finds it from the film page ("In the journal")."""

import pytest
from django.contrib.auth.models import Group
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec

from accounts.factories import EditorFactory
from films.factories import FilmFactory
from home.models import HomePage
from journal.models import ArticlePage, JournalIndexPage
from reviews.factories import UserFilmFactory

from .pages import (
    admin_choose,
    admin_insert_block,
    admin_publish,
    click,
    fill,
    page_heading,
    path_of,
    sign_in,
    text_of,
    visit,
    wait,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def journal():
    index = JournalIndexPage(title="Journal", slug="journal")
    HomePage.objects.get().add_child(instance=index)
    index.save_revision().publish()
    return index


def test_editor_publishes_an_article_a_visitor_finds_it_from_the_film(browser, journal):
    film = FilmFactory(title="Stalker", year=1979)
    UserFilmFactory(film=film, rating=8)
    editor = EditorFactory(username="edith")
    # Publishing pages is the moderators' right in Wagtail's own groups.
    editor.groups.add(Group.objects.get(name="Moderators"))

    # A visitor's view of the film page before: no journal yet (and cached).
    visit(browser, film.get_absolute_url())
    assert not browser.find_elements(By.ID, "in-the-journal")

    sign_in(browser, editor)
    browser.get(
        f"{browser.live_server_url}/admin/pages/add/journal/articlepage/{journal.pk}/"
    )
    fill(browser, title="Why Stalker lasts", intro="Forty years in the Zone.")
    admin_insert_block(browser, "Film")
    admin_choose(browser, "Choose film", "Stalker")
    # (A list block joins here once lists/ adds one to the article body.)
    admin_publish(browser)
    wait(browser).until(ec.url_matches(rf"/admin/pages/{journal.pk}/$"))
    article = ArticlePage.objects.get(title="Why Stalker lasts")
    assert article.live

    # A visitor (signed out) reaches it from the film page.
    browser.delete_all_cookies()
    visit(browser, film.get_absolute_url())
    section = text_of(browser, "#in-the-journal")
    assert "Why Stalker lasts" in section
    click(browser, browser.find_element(By.CSS_SELECTOR, "#in-the-journal a"))
    wait(browser).until(ec.url_contains(article.slug))
    assert path_of(browser) == article.url
    assert page_heading(browser) == "Why Stalker lasts"
    # The film card, with the site's average: back to the film from there.
    card = browser.find_element(
        By.CSS_SELECTOR, f"article a[href='{film.get_absolute_url()}']"
    )
    assert card.is_displayed()
