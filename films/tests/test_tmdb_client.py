"""The TMDB client against the fake TMDB server, over real HTTP on loopback.

Happy paths, caching and credentials; failures are in test_tmdb_client_errors.
"""

import pytest
from django.core.cache import cache

from films.tmdb import (
    TMDBAuthError,
    TMDBNotConfigured,
    TMDBNotFound,
    TMDBUnavailable,
    get_client,
    tmdb_is_configured,
)

SEARCH = "/3/search/movie"


def cache_keys():
    return list(cache._cache.keys())  # LocMemCache in the test settings


# --- happy paths -------------------------------------------------------------


def test_search_returns_typed_results(fake_tmdb):
    page = get_client().search_movies(query="Matrix")
    assert (page.page, page.total_pages, page.total_results) == (1, 7, 127)
    first = page.results[0]
    assert (first.tmdb_id, first.title, first.year) == (603, "The Matrix", 1999)
    assert first.poster_path == "/dXNAPwY7VrqMAo51EKhhCJfaGb5.jpg"
    request = fake_tmdb.requests[-1]
    assert request.path == SEARCH
    assert request.params["query"] == "Matrix"
    assert request.params["include_adult"] == "false"
    assert request.authorized


def test_search_in_russian_returns_cyrillic_titles(fake_tmdb):
    page = get_client().search_movies(query="матрица", language="ru-RU")
    titles = {r.tmdb_id: r.title for r in page.results}
    assert titles[603] == "Матрица"
    assert titles[604] == "Матрица: Перезагрузка"
    assert fake_tmdb.requests[-1].params["language"] == "ru-RU"


def test_search_with_year_and_page(fake_tmdb):
    page = get_client().search_movies(query="matrix", year=2003, page=1)
    assert sorted(r.tmdb_id for r in page.results) == [604, 605]
    assert fake_tmdb.requests[-1].params["year"] == "2003"


def test_blank_search_asks_nothing(fake_tmdb):
    page = get_client().search_movies(query="   ")
    assert page.results == [] and page.total_results == 0
    assert fake_tmdb.count() == 0


def test_movie_details_with_credits(fake_tmdb):
    movie = get_client().movie_details(tmdb_id=603)
    assert movie.title == "The Matrix"
    assert {d.name for d in movie.directors} == {"Lana Wachowski", "Lilly Wachowski"}
    assert movie.cast[0].name == "Keanu Reeves"
    assert fake_tmdb.requests[-1].params["append_to_response"] == "credits"


def test_movie_details_in_russian(fake_tmdb):
    movie = get_client().movie_details(tmdb_id=1398, language="ru-RU")
    assert movie.title == "Сталкер"
    assert movie.overview.startswith("Проводник")
    assert [g.name for g in movie.genres] == ["фантастика", "драма"]


def test_configuration_and_genres(fake_tmdb):
    client = get_client()
    config = client.configuration()
    assert config.image_base_url == fake_tmdb.image_base_url
    client.configuration()
    assert fake_tmdb.count("/3/configuration") == 1  # cached for days
    genres = {g.tmdb_id: g.name for g in client.genres(language="ru-RU")}
    assert genres[18] == "драма"


def test_poster_download(fake_tmdb):
    image = get_client().download_poster(poster_path="/dXNAPwY7VrqMAo51EKhhCJfaGb5.jpg")
    assert image.content_type == "image/jpeg"
    assert image.content.startswith(b"\xff\xd8")  # JPEG magic number
    assert image.url.startswith(fake_tmdb.image_base_url + "w780/")
    poster_request = fake_tmdb.requests[-1]
    assert not poster_request.authorized  # credentials go to the API only


# --- caching -------------------------------------------------------------------


def test_a_cached_search_makes_no_http_call(fake_tmdb):
    client = get_client()
    first = client.search_movies(query="The Matrix")
    assert fake_tmdb.count(SEARCH) == 1
    again = client.search_movies(query="  the   MATRIX ")
    assert again == first
    assert fake_tmdb.count(SEARCH) == 1


def test_cache_is_per_language_page_and_year(fake_tmdb):
    client = get_client()
    client.search_movies(query="matrix")
    client.search_movies(query="matrix", language="ru-RU")
    client.search_movies(query="matrix", page=2)
    client.search_movies(query="matrix", year=2003)
    assert fake_tmdb.count(SEARCH) == 4


def test_cached_details_make_no_http_call_unless_fresh(fake_tmdb):
    client = get_client()
    client.movie_details(tmdb_id=603)
    client.movie_details(tmdb_id=603)
    assert fake_tmdb.count("/3/movie/603") == 1
    client.movie_details(tmdb_id=603, fresh=True)
    assert fake_tmdb.count("/3/movie/603") == 2


def test_cache_expires_after_the_ttl(fake_tmdb, settings):
    settings.TMDB_CACHE_TTL = -1  # already expired when stored
    client = get_client()
    client.search_movies(query="heat")
    client.search_movies(query="heat")
    assert fake_tmdb.count(SEARCH) == 2


def test_errors_are_not_cached(fake_tmdb):
    fake_tmdb.fail_next("not_found")
    with pytest.raises(TMDBNotFound):
        get_client().movie_details(tmdb_id=603)
    assert get_client().movie_details(tmdb_id=603).tmdb_id == 603


# --- credentials ---------------------------------------------------------------


def test_without_credentials_tmdb_is_off(settings):
    settings.TMDB_API_TOKEN = settings.TMDB_API_KEY = ""
    assert not tmdb_is_configured()
    with pytest.raises(TMDBNotConfigured, match="TMDB lookups are off"):
        get_client()


def test_v3_api_key_works_and_never_reaches_a_cache_key(fake_tmdb, settings):
    settings.TMDB_API_TOKEN = ""
    settings.TMDB_API_KEY = fake_tmdb.api_key
    get_client().search_movies(query="heat")
    request = fake_tmdb.requests[-1]
    assert request.authorized and request.params["api_key"] == fake_tmdb.api_key
    assert cache_keys()
    assert not any(fake_tmdb.api_key in key for key in cache_keys())


def test_a_v3_key_put_in_the_token_setting_is_sent_as_api_key(fake_tmdb, settings):
    settings.TMDB_API_TOKEN = fake_tmdb.api_key
    get_client().search_movies(query="heat")
    assert fake_tmdb.requests[-1].params.get("api_key") == fake_tmdb.api_key


def test_bearer_token_stays_out_of_the_url_and_cache_keys(fake_tmdb):
    get_client().movie_details(tmdb_id=603)
    assert "api_key" not in fake_tmdb.requests[-1].params
    assert not any(fake_tmdb.token in key for key in cache_keys())
    assert fake_tmdb.token not in repr(get_client())


def test_a_refused_token_is_an_auth_error_with_tmdb_code_7(fake_tmdb, settings):
    settings.TMDB_API_TOKEN = "eyJ-not-the-right-token"
    with pytest.raises(TMDBAuthError) as caught:
        get_client().search_movies(query="heat")
    assert caught.value.status_code == 7
    assert caught.value.http_status == 401
    assert "Invalid API key" in caught.value.status_message


def test_the_api_key_is_not_in_connection_errors(settings):
    # Nothing listens on the test settings' TMDB address (port 9).
    settings.TMDB_API_TOKEN, settings.TMDB_API_KEY = "", "ab" * 16
    with pytest.raises(TMDBUnavailable) as caught:
        get_client().search_movies(query="heat")
    assert "ab" * 16 not in str(caught.value)
    assert caught.value.__cause__ is None  # the requests error quotes the URL
