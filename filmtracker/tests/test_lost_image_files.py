"""A lost original image file (a database restored without its media, an
emptied bucket) costs a page that picture, never the page.

Wagtail makes a missing rendition from the original; with the file gone that
raises SourceImageIOError. Every page and answer that shows a poster or a cover
is asked for here after its files are deleted, so no rendition can be made.
"""

import datetime

import pytest
from django.urls import reverse

from films.factories import FilmFactory
from films.posters import POSTER_RENDITIONS
from films.renditions import poster_renditions_warm
from home.models import HomePage
from journal.models import ArticlePage, JournalIndexPage
from lists.factories import ListFactory
from lists.services import list_entry_add
from reviews.viewing_services import viewing_log

pytestmark = pytest.mark.django_db


def lose_files(image):
    image.file.storage.delete(image.file.name)


@pytest.fixture
def film(member):
    film = FilmFactory(title="Lost Reels", with_poster=True)
    viewing_log(user=member, film=film, watched_on=datetime.date(2024, 3, 1))
    lose_files(film.poster)
    return film


@pytest.fixture
def article(film):
    index = JournalIndexPage(title="Journal", slug="journal")
    HomePage.objects.get().add_child(instance=index)
    index.save_revision().publish()
    article = ArticlePage(
        title="Lost",
        slug="lost",
        intro="About lost files.",
        author="Editor",
        date=datetime.date(2026, 11, 1),
        body=[("film", {"film": film})],
        cover=FilmFactory(with_poster=True).poster,
        live=False,
    )
    index.add_child(instance=article)
    article.save_revision().publish()
    lose_files(article.cover)
    return article


def pages(film, member, film_list):
    return [
        film.get_absolute_url(),
        "/",
        f"/search/?q={film.title}",
        reverse("accounts:profile", kwargs={"username": member.username}),
        reverse("accounts:diary", kwargs={"username": member.username}),
        film_list.get_absolute_url(),
        f"/api/v1/films/{film.pk}/",
        "/api/v1/films/",
        "/api/v1/diary/",
    ]


@pytest.mark.parametrize("signed_in", [False, True])
def test_pages_showing_a_lost_poster_still_answer(client, member, film, signed_in):
    film_list = ListFactory(owner=member, visibility="public")
    list_entry_add(user=member, list_id=film_list.pk, film=film)
    if signed_in:
        client.force_login(member)
    for path in pages(film, member, film_list):
        response = client.get(path)
        assert response.status_code == 200, path
    html = client.get(film.get_absolute_url()).content.decode()
    assert film.title in html
    assert 'property="og:image"' not in html  # the share picture is left out


def test_an_article_with_a_lost_cover_still_answers(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    assert "About lost files." in response.content.decode()


def test_warming_renditions_skips_a_lost_file_and_makes_the_others():
    other = FilmFactory(with_poster=True)
    # Made second, lost at once: a later upload could take the lost name.
    lose_files(FilmFactory(with_poster=True).poster)
    made = poster_renditions_warm()
    assert made == len(POSTER_RENDITIONS)  # the other poster's, all of them
    assert other.poster.renditions.count() == len(POSTER_RENDITIONS)
