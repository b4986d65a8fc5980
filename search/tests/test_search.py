from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail_factories import ImageFactory

from films import tmdb
from films.factories import FilmFactory, GenreFactory
from films.tests.doubles import tmdb_movie, tmdb_page
from search.views import PAGE_SIZE

pytestmark = pytest.mark.django_db

URL = reverse("search:search")


def titles(response):
    page = response.context["page_obj"]
    return [film.title for film in page.object_list] if page else []


@pytest.fixture
def catalogue():
    drama = GenreFactory(name="Drama", tmdb_id=18)
    scifi = GenreFactory(name="Science Fiction", tmdb_id=878)
    films = {
        "solaris": FilmFactory(title="Solaris", year=1972),
        "solaris2002": FilmFactory(title="Solaris", year=2002),
        "stalker": FilmFactory(title="Stalker", year=1979),
        "mirror": FilmFactory(title="Mirror", year=1975, overview="Memories."),
    }
    films["solaris"].genres.add(scifi, drama)
    films["solaris2002"].genres.add(scifi)
    films["stalker"].genres.add(scifi)
    films["mirror"].genres.add(drama)
    return films


@pytest.fixture
def tmdb_off():
    with mock.patch("films.tmdb.tmdb_is_configured", return_value=False):
        yield


@pytest.fixture
def tmdb_on():
    with mock.patch("films.tmdb.tmdb_is_configured", return_value=True):
        yield


# --- Local results -----------------------------------------------------------


def test_empty_query_shows_the_prompt_not_results(client, tmdb_off):
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["page_obj"] is None
    assert 'data-testid="search-empty-query"' in response.content.decode()


def test_title_search_finds_local_films(client, catalogue, tmdb_off):
    response = client.get(URL, {"q": "solaris"})
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Solaris", "Solaris"]
    assert "Stalker" not in titles(response)


def test_results_are_ranked_title_matches_first(client, tmdb_off):
    FilmFactory(title="Mirror", overview="A poet's memories of his childhood.")
    FilmFactory(title="Memories of Underdevelopment", overview="Havana, 1961.")
    FilmFactory(title="Other", overview="Nothing but memories.")
    response = client.get(URL, {"q": "memories"})
    found = titles(response)
    # A title match outranks films that only mention the word in the overview.
    assert found[0] == "Memories of Underdevelopment"
    assert sorted(found[1:]) == ["Mirror", "Other"]


def test_year_filter_narrows_the_search(client, catalogue, tmdb_off):
    response = client.get(URL, {"q": "solaris", "year": 2002})
    found = list(response.context["page_obj"].object_list)
    assert found == [catalogue["solaris2002"]]


def test_genre_filter_narrows_the_search(client, catalogue, tmdb_off):
    response = client.get(URL, {"q": "solaris", "genre": "drama"})
    assert list(response.context["page_obj"].object_list) == [catalogue["solaris"]]


def test_filters_alone_browse_the_catalogue(client, catalogue, tmdb_off):
    response = client.get(URL, {"genre": "science-fiction", "year": 1979})
    assert titles(response) == ["Stalker"]
    assert response.context["tmdb_state"] is None  # TMDB needs a title


def test_no_results_state(client, catalogue, tmdb_off):
    response = client.get(URL, {"q": "zzzzzz"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="search-no-results"' in html
    assert "No films on FilmTracker match “zzzzzz”." in html


@pytest.mark.parametrize("query", ['"', 'the "matrix', "it's", "(", "*", "-"])
def test_punctuation_in_the_query_never_breaks_the_search(client, catalogue, query):
    with mock.patch("films.tmdb.tmdb_is_configured", return_value=False):
        response = client.get(URL, {"q": query})
    assert response.status_code == 200


def test_invalid_year_is_explained(client, catalogue, tmdb_off):
    response = client.get(URL, {"q": "solaris", "year": "1200"})
    assert response.status_code == 200
    assert response.context["form"].errors["year"]
    assert "is-invalid" in response.content.decode()


def test_unknown_genre_is_explained(client, catalogue, tmdb_off):
    response = client.get(URL, {"q": "solaris", "genre": "no-such-genre"})
    assert response.context["form"].errors["genre"]


def test_pagination_keeps_the_query(client, tmdb_off):
    for i in range(PAGE_SIZE + 3):
        FilmFactory(title=f"Matrix part {i}", year=1999)
    response = client.get(URL, {"q": "matrix", "year": 1999})
    html = response.content.decode()
    assert response.context["page_obj"].paginator.count == PAGE_SIZE + 3
    assert 'href="?q=matrix&amp;year=1999&amp;page=2"' in html
    second = client.get(URL, {"q": "matrix", "year": 1999, "page": 2})
    assert len(second.context["page_obj"].object_list) == 3
    assert 'href="?q=matrix&amp;year=1999&amp;page=1"' in second.content.decode()


def test_search_box_is_wired_for_autocomplete(client, tmdb_off):
    html = client.get(URL).content.decode()
    assert 'data-autocomplete="/api/v1/films/autocomplete/"' in html
    assert "/static/js/autocomplete.js" in html


# --- TMDB results ------------------------------------------------------------


def test_tmdb_not_configured_is_said_plainly(client, catalogue, tmdb_off):
    with mock.patch("search.views.tmdb_search_not_imported") as search_tmdb:
        response = client.get(URL, {"q": "solaris"})
    search_tmdb.assert_not_called()
    assert response.context["tmdb_state"] == "off"
    assert 'data-testid="tmdb-off"' in response.content.decode()


def test_tmdb_results_are_listed_below_local_ones_with_an_add_button(
    member_client, catalogue, tmdb_on
):
    found = tmdb_page(tmdb_movie(603, "The Matrix", 1999), tmdb_movie(604, "Reloaded"))
    with mock.patch(
        "search.views.tmdb_search_not_imported", return_value=found
    ) as search_tmdb:
        response = member_client.get(URL, {"q": "matrix", "year": 1999})
    search_tmdb.assert_called_once_with(
        query="matrix", year=1999, page=1, language="en-US"
    )
    html = response.content.decode()
    assert response.context["tmdb_state"] == "ok"
    assert html.count('data-testid="tmdb-result"') == 2
    assert 'name="tmdb_id" value="603"' in html
    assert f'action="{reverse("films:import")}"' in html
    assert html.index("On FilmTracker") < html.index("More on TMDB")


def test_visitors_see_tmdb_results_and_are_asked_to_log_in_to_add(
    client, catalogue, tmdb_on
):
    found = tmdb_page(tmdb_movie(603, "The Matrix", 1999))
    with mock.patch("search.views.tmdb_search_not_imported", return_value=found):
        html = client.get(URL, {"q": "matrix"}).content.decode()
    assert "The Matrix" in html
    assert 'name="tmdb_id"' not in html
    assert "to add them." in html


def test_unverified_members_are_asked_to_verify_before_adding(
    client, unverified_member, catalogue, tmdb_on
):
    client.force_login(unverified_member)
    found = tmdb_page(tmdb_movie(603, "The Matrix", 1999))
    with mock.patch("search.views.tmdb_search_not_imported", return_value=found):
        html = client.get(URL, {"q": "matrix"}).content.decode()
    assert "The Matrix" in html
    assert 'name="tmdb_id"' not in html
    assert f'href="{reverse("account_email")}"' in html


def test_genre_filter_applies_to_tmdb_results(member_client, catalogue, tmdb_on):
    found = tmdb_page(
        tmdb_movie(1, "Space film", genre_ids=[878]),
        tmdb_movie(2, "Family drama", genre_ids=[18]),
    )
    with mock.patch("search.views.tmdb_search_not_imported", return_value=found):
        response = member_client.get(URL, {"q": "film", "genre": "drama"})
    assert [m.title for m in response.context["tmdb_results"].results] == [
        "Family drama"
    ]


@pytest.mark.parametrize(
    "error", [tmdb.TMDBUnavailable("down"), tmdb.TMDBError("bad response")]
)
def test_tmdb_failure_is_friendly_and_local_results_still_show(
    client, catalogue, tmdb_on, error
):
    with mock.patch("search.views.tmdb_search_not_imported", side_effect=error):
        response = client.get(URL, {"q": "solaris"})
    assert response.status_code == 200
    assert response.context["tmdb_state"] == "error"
    html = response.content.decode()
    assert 'data-testid="tmdb-error"' in html
    assert "TMDB isn't answering right now" in html
    assert sorted(titles(response)) == ["Solaris", "Solaris"]


# --- Query counts ------------------------------------------------------------


def test_search_query_count_does_not_grow_with_results(
    client, tmdb_off, django_assert_num_queries
):
    """Genre lookup, genre options, the two backend matches (words, title
    prefixes), their translated titles and rating counts (the ranking), page of
    films, posters, renditions."""
    poster = ImageFactory()  # shared: renditions are made once, queries still run
    for size in (5, 50):
        for i in range(size - (5 if size == 50 else 0)):
            film = FilmFactory(title=f"Nostalgia {size} {i}", poster=poster)
            film.genres.add(GenreFactory(name="Drama"))
        params = {"q": "nostalgia", "genre": "drama"}
        client.get(URL, params)  # the first view makes the poster renditions
        cache.clear()  # measure a page-cache miss: the work the page really does
        with django_assert_num_queries(9):
            response = client.get(URL, params)
        assert response.context["page_obj"].paginator.count == size
