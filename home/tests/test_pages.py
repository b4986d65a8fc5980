import pytest
from django.core.cache import cache
from wagtail_factories import ImageFactory

from films.factories import FilmFactory
from films.models import Film
from home.models import HomePage
from reviews.factories import UserFilmFactory
from reviews.selectors import RANKING_MIN_RATINGS

pytestmark = pytest.mark.django_db


def test_home_page_lists_recent_and_best_rated_films(client):
    FilmFactory(title="Recently Added Film")
    best = FilmFactory(title="Members Favourite")
    UserFilmFactory.create_batch(RANKING_MIN_RATINGS, film=best, rating=10)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Recently Added Film" in html
    assert "Best rated by our members" in html
    assert "Members Favourite" in html
    assert f"with at least {RANKING_MIN_RATINGS} ratings" in html  # the rule


def test_best_rated_needs_enough_ratings(client):
    cache.clear()
    FilmFactory(title="One Lucky Rating")
    UserFilmFactory(film=Film.objects.get(title="One Lucky Rating"), rating=10)
    html = client.get("/").content.decode()
    assert "Best rated by our members" not in html
    assert "One Lucky Rating" in html  # only as recently added


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


def _publish_featured(films):
    home = HomePage.objects.get()
    home.body = [
        ("featured_films", {"heading": "Editors' picks", "films": list(films)}),
    ]
    home.save_revision().publish()
    return home


def test_featured_films_block_shows_the_chosen_films_with_their_numbers(client):
    picked = FilmFactory(title="Editors Pick")
    UserFilmFactory(film=picked, rating=9)
    FilmFactory(title="Not Picked")
    _publish_featured([picked])
    html = client.get("/").content.decode()
    section = html.split("Editors&#x27; picks", 1)[1].split("</section>", 1)[0]
    assert "Editors Pick" in section
    assert "Not Picked" not in section
    assert 'aria-label="4.5 out of 5 stars"' in section


def test_home_page_query_count_does_not_grow_with_films(
    client, django_assert_num_queries
):
    poster = ImageFactory()  # shared: renditions are made once, queries still run
    for size in (5, 50):
        for _ in range(size - (5 if size == 50 else 0)):
            film = FilmFactory(poster=poster)
            UserFilmFactory.create_batch(RANKING_MIN_RATINGS, film=film, rating=7)
        _publish_featured(Film.objects.order_by("pk")[: min(size, 8)])
        client.get("/")  # the first view makes the poster renditions
        cache.clear()  # count the rendering, not the anonymous page cache
        # Wagtail routing: site, active locale (i18n), page, ancestors, view
        # restrictions (5).
        # Featured block: chooser lookup, cards, posters, renditions (4).
        # Recently added and best rated: cards, posters, renditions (3 + 3),
        # and the top-rated ranking (cached for five minutes; emptied here).
        with django_assert_num_queries(16):
            response = client.get("/")
        assert response.status_code == 200
        assert len(response.context["recent_films"]) == min(size, 12)


def test_visitors_get_the_home_page_from_the_cache_until_it_changes(
    client, django_assert_num_queries
):
    cache.clear()
    film = FilmFactory(title="First Title")
    assert client.get("/")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert client.get("/")["X-Page-Cache"] == "hit"

    film.title = "Second Title"  # a film it shows changed
    film.save()
    assert "Second Title" in client.get("/").content.decode()
    FilmFactory(title="Brand New")  # the newest films changed
    assert "Brand New" in client.get("/").content.decode()
    UserFilmFactory(film=film, rating=10)  # a shown film's numbers changed
    assert 'aria-label="5 out of 5 stars"' in client.get("/").content.decode()
    _publish_featured([film])  # an editor published the page
    assert "Editors&#x27; picks" in client.get("/").content.decode()
