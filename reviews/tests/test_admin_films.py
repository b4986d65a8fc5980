import factory
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from films.factories import FilmFactory
from reviews.admin_userfilms import USERFILM_INDEX_URL_NAME, USERFILM_INSPECT_URL_NAME
from reviews.factories import UserFilmFactory

pytestmark = pytest.mark.django_db

FILM_LIST = "wagtailsnippets_films_film:list"
GENRE_LIST = "wagtailsnippets_films_genre:list"
USERFILM_LIST = USERFILM_INDEX_URL_NAME


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
    url = reverse(USERFILM_INSPECT_URL_NAME, args=[userfilm.pk])
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


def test_ratings_listing_shows_stars_review_start_film_and_member(editor_client):
    entry = UserFilmFactory(
        rating=7, comment=" ".join(f"word{i}" for i in range(40)), status="watched"
    )
    html = editor_client.get(reverse(USERFILM_INDEX_URL_NAME)).content.decode()
    assert "★★★½ (3½ out of 5)" in html  # stars, not the stored 7
    assert "word11" in html and "word12" not in html  # the start of the review
    assert entry.film.title in html and entry.user.username in html


def test_ratings_listing_filters_by_stars_and_status_and_searches(editor_client):
    five = UserFilmFactory(rating=10, film__title="Stalker", user__username="anna")
    UserFilmFactory(rating=3, film__title="Solaris", user__username="boris")
    url = reverse(USERFILM_INDEX_URL_NAME)
    by_stars = editor_client.get(url, {"rating": 10}).content.decode()
    assert "Stalker" in by_stars and "Solaris" not in by_stars
    by_status = editor_client.get(url, {"status": "want"}).content.decode()
    assert "Stalker" not in by_status
    by_film = editor_client.get(url, {"q": "solar"}).content.decode()
    assert "Solaris" in by_film and "Stalker" not in by_film
    by_member = editor_client.get(url, {"q": five.user.username}).content.decode()
    assert "Stalker" in by_member and "Solaris" not in by_member


@pytest.mark.parametrize("rows", [10, 500])
def test_ratings_listing_stays_under_15_queries(
    editor_client, rows, django_assert_max_num_queries
):
    films = FilmFactory.create_batch(5)
    UserFilmFactory.create_batch(rows, film=factory.Iterator(films), rating=8)
    url = reverse(USERFILM_INDEX_URL_NAME)
    editor_client.get(url)  # session, permissions and menus warmed once
    with django_assert_max_num_queries(14):
        response = editor_client.get(url)
    assert response.status_code == 200


def _queries(client, url):
    client.get(url)  # process-wide lookups (content types, locales) are warm
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


@pytest.mark.parametrize("url_name", [FILM_LIST, USERFILM_LIST])
def test_the_admin_listings_cost_the_same_queries_at_two_sizes(editor_client, url_name):
    UserFilmFactory.create_batch(5, film=FilmFactory(with_poster=True))
    small, _html = _queries(editor_client, reverse(url_name))
    for _ in range(5):
        UserFilmFactory.create_batch(12, film=FilmFactory(with_poster=True))
    large, html = _queries(editor_client, reverse(url_name))
    assert small == large
    if url_name == USERFILM_LIST:
        # 25 of the 65 rows: the default 100 rendered slowly (the bench's row).
        inspect = reverse(USERFILM_INSPECT_URL_NAME, args=[0]).replace("/0/", "/")
        assert html.count(f'href="{inspect}') == 25


def test_the_site_average_is_rounded_as_on_the_film_page():
    from reviews.admin_films import AverageRatingColumn

    class _Film:
        average_rating = 28 / 3  # 9.33 of 10: 4.67 stars, the film page's 4.7

    column = AverageRatingColumn("average_rating", label="Site average")
    assert column.get_value(_Film()) == "4.7 ★"
