import pytest
from django.urls import reverse

from films.factories import FilmFactory
from reviews.factories import UserFilmFactory

pytestmark = pytest.mark.django_db

FILM_LIST = "wagtailsnippets_films_film:list"
GENRE_LIST = "wagtailsnippets_films_genre:list"
USERFILM_LIST = "reviews_userfilm_modeladmin_index"


@pytest.fixture
def catalogue():
    film = FilmFactory(title="Stalker", year=1979, with_poster=True)
    UserFilmFactory(film=film, rating=9)
    UserFilmFactory(film=film, rating=7)
    return film


def test_editor_sees_films_with_poster_and_site_average(editor_client, catalogue):
    response = editor_client.get(reverse(FILM_LIST))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stalker" in html
    assert "4.0 ★" in html  # (9 + 7) / 2 = 8 of 10 = 4 stars
    assert "<img" in html


def test_each_film_in_the_listing_links_to_its_edit_view(editor_client, catalogue):
    response = editor_client.get(reverse(FILM_LIST))
    edit_url = reverse("wagtailsnippets_films_film:edit", args=[catalogue.pk])
    assert f'href="{edit_url}"' in response.content.decode()


def test_film_edit_form_leaves_credits_to_tmdb(editor_client, catalogue):
    url = reverse("wagtailsnippets_films_film:edit", args=[catalogue.pk])
    html = editor_client.get(url).content.decode()
    assert 'name="title"' in html
    assert 'name="people"' not in html


def test_editor_can_filter_films_by_year(editor_client, catalogue):
    FilmFactory(title="Heat", year=1995)
    response = editor_client.get(reverse(FILM_LIST), {"year": 1995})
    html = response.content.decode()
    assert "Heat" in html
    assert "Stalker" not in html


def test_editor_sees_genres_and_reviews(editor_client, catalogue):
    assert editor_client.get(reverse(GENRE_LIST)).status_code == 200
    response = editor_client.get(reverse(USERFILM_LIST), {"status": "watched"})
    assert response.status_code == 200
    assert "Stalker" in response.content.decode()


def test_review_inspect_view_is_read_only(editor_client, catalogue):
    userfilm = catalogue.userfilms.first()
    url = reverse("reviews_userfilm_modeladmin_inspect", args=[userfilm.pk])
    response = editor_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert userfilm.user.username in html
    assert 'name="rating"' not in html


@pytest.mark.parametrize("url_name", [FILM_LIST, GENRE_LIST, USERFILM_LIST])
def test_admin_listings_are_refused_to_anonymous_visitors(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("url_name", [FILM_LIST, USERFILM_LIST])
def test_admin_listings_are_refused_to_ordinary_members(member_client, url_name):
    response = member_client.get(reverse(url_name))
    assert response.status_code in (302, 403)


def test_editor_edits_the_russian_title_overview_and_tagline(editor_client, client):
    from films.models import FilmTranslation
    from tests.reliability.admin_forms import film_form_data

    film = FilmFactory(title="Stalker", year=1979)
    url = reverse("wagtailsnippets_films_film:edit", args=[film.pk])
    data = film_form_data(editor_client, film)
    data.update(
        {
            "translations-TOTAL_FORMS": "1",
            "translations-0-language": "ru",
            "translations-0-title": "Сталкер",
            "translations-0-overview": "Проводник ведёт двоих в Зону.",
            "translations-0-tagline": "",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    russian = FilmTranslation.objects.get(film=film, language="ru")
    assert (russian.title, russian.overview) == (
        "Сталкер",
        "Проводник ведёт двоих в Зону.",
    )
    page = client.get(film.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ru")
    assert "Проводник ведёт двоих в Зону." in page.content.decode()
    found = client.get("/search/", {"q": "Сталкер"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert list(found.context["page_obj"]) == [film]  # indexed with it
