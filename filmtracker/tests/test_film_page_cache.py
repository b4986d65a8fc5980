"""Anonymous film pages come from the cache, and never stale or someone else's."""

import pytest
from django.test import Client

from accounts.factories import UserFactory
from films.factories import FilmFactory
from filmtracker.page_cache import HEADER
from reviews.services import review_upsert

pytestmark = pytest.mark.django_db


def _get(client, film):
    response = client.get(film.get_absolute_url())
    assert response.status_code == 200
    return response


def _site_average(response):
    html = response.content.decode()
    marker = 'data-testid="site-average">'
    return html[html.index(marker) + len(marker) :].split("<", 1)[0]


def test_second_anonymous_view_is_a_cache_hit(client, django_assert_num_queries):
    film = FilmFactory()
    assert _get(client, film)[HEADER] == "miss"
    with django_assert_num_queries(0):
        response = _get(client, film)
    assert response[HEADER] == "hit"
    assert film.title.encode() in response.content


def test_page_never_shows_a_stale_average_after_a_rating(client):
    film, other = FilmFactory(), FilmFactory()
    review_upsert(user=UserFactory(), film=film, rating=4)
    assert _site_average(_get(client, film)) == "2.0"  # 4 of 10 is 2 stars
    assert _get(client, other)[HEADER] == "miss"
    assert _get(client, film)[HEADER] == "hit"

    review_upsert(user=UserFactory(), film=film, rating=8)
    response = _get(client, film)
    assert response[HEADER] == "miss"  # rebuilt, not served stale
    assert _site_average(response) == "3.0"
    assert _get(client, other)[HEADER] == "hit"  # other films' pages stay


def test_editor_change_reaches_the_page(client):
    film = FilmFactory(title="Before")
    _get(client, film)
    film.title = "After"
    film.save()
    response = _get(client, film)
    assert b"After" in response.content and b"Before" not in response.content


def test_members_never_get_the_visitors_cached_page(member_client, member):
    film = FilmFactory()
    _get(Client(), film)  # cached for anonymous visitors
    response = _get(member_client, film)
    # Their own page (filmtracker/member_page_cache.py): built for them, with
    # their name and a CSRF token; the first view sets the CSRF cookie.
    assert HEADER not in response
    assert member.username.encode() in response.content
    assert b"csrfmiddlewaretoken" in response.content
    assert _get(member_client, film)[HEADER] == "miss"
    assert _get(member_client, film)[HEADER] == "hit"
    other = UserFactory(username="someone-else")
    member_client.force_login(other)  # same browser, same CSRF cookie
    response = _get(member_client, film)
    assert response[HEADER] == "miss"  # built for them, not the first one's
    assert b"someone-else" in response.content


def test_no_cached_page_carries_a_csrf_token_or_cookie(client):
    film = FilmFactory()
    first = _get(client, film)
    hit = _get(client, film)
    assert hit[HEADER] == "hit"
    assert b"csrfmiddlewaretoken" not in hit.content
    assert not hit.cookies
    assert first.content == hit.content
