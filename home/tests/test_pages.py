import pytest

from films.factories import FilmFactory
from reviews.factories import UserFilmFactory

pytestmark = pytest.mark.django_db


def test_home_page_lists_recent_and_best_rated_films(client):
    FilmFactory(title="Recently Added Film")
    best = FilmFactory(title="Members Favourite")
    UserFilmFactory(film=best, rating=10)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Recently Added Film" in html
    assert "Best rated by our members" in html
    assert "Members Favourite" in html


def test_footer_carries_the_tmdb_notice(client):
    html = client.get("/").content.decode()
    assert "not endorsed, certified, or otherwise approved by TMDB" in html


def test_unknown_page_gets_the_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
