"""The film page, profile and diary cost the same queries at 5 and 500 viewings.

One member (`diarist`) logs n viewings over a few films with posters (most of
them rewatches) and n other members each watch the first film once, so the
film page's counts, the member's own viewings, the profile and the diary all
grow with n. Pages are counted on a cache miss, as in test_page_query_budget.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import transaction

from accounts.factories import UserFactory
from films.factories import FilmFactory
from films.renditions import poster_renditions_warm
from reviews.models import UserFilm, Viewing

pytestmark = pytest.mark.django_db

SIZES = [5, 500]
FILMS = 5
# Session and user, Wagtail's site, the film's shared part (film with the
# numbers, histogram, reviews count (none here, so no page query), genres,
# credits, poster and renditions, the journal's reference-index lookup, the
# public lists holding it), the member's own entry, own viewings and own lists.
FILM_MEMBER = 17
# The member, counts per status, the page count, the page, posters, renditions.
PROFILE = 6
# The member, their years, the page count, the page, posters, renditions.
DIARY = 6


@pytest.fixture(scope="module")
def diary_data(request, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _build(request.param)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _build(n):
    films = [FilmFactory(with_poster=True) for _ in range(FILMS)]
    diarist = UserFactory(username="diarist")
    UserFilm.objects.bulk_create(
        UserFilm(user=diarist, film=film, rating=7) for film in films
    )
    start = datetime.date(2020, 1, 1)
    viewings = [
        Viewing(
            user=diarist,
            film=films[i % FILMS],
            watched_on=start + datetime.timedelta(days=i),
            rating=1 + i % 10,
            note=f"Note {i}",
        )
        for i in range(n)
    ]
    others = [UserFactory() for _ in range(n)]
    viewings += [Viewing(user=u, film=films[0], watched_on=start) for u in others]
    Viewing.objects.bulk_create(viewings)
    poster_renditions_warm()
    cache.clear()
    return {"n": n, "films": films, "diarist": diarist}


def _count(django_assert_num_queries, client, path, budget):
    client.get(path)
    cache.clear()
    with django_assert_num_queries(budget):
        response = client.get(path)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("diary_data", SIZES, indirect=True)
def test_film_page_for_the_member(diary_data, client, django_assert_num_queries):
    client.force_login(diary_data["diarist"])
    film = diary_data["films"][0]
    response = _count(
        django_assert_num_queries, client, film.get_absolute_url(), FILM_MEMBER
    )
    assert len(response.context["own_viewings"]) == -(-diary_data["n"] // FILMS)


@pytest.mark.parametrize("diary_data", SIZES, indirect=True)
def test_profile(diary_data, client, django_assert_num_queries):
    _count(django_assert_num_queries, client, "/users/diarist/", PROFILE)


@pytest.mark.parametrize("diary_data", SIZES, indirect=True)
def test_diary(diary_data, client, django_assert_num_queries):
    response = _count(django_assert_num_queries, client, "/users/diarist/diary/", DIARY)
    assert len(response.context["page_obj"]) == min(diary_data["n"], 30)


# --- The member's own pages, signed in ---------------------------------------

# On a cache miss, as a visitor's page plus the member's session and row and
# the navbar's permission check (their own and their groups'); the home page
# has no Wagtail site lookup of its own then (the film page's FILM_MEMBER above
# also has their entry, viewings and verified email). From the
# member's page cache (filmtracker/member_page_cache.py): none, however much
# they logged (their session and row come from the cache too). Pages with film
# cards have two more: the verified-email check and the member's own entries
# for all the cards at once (their one-click stars and toggles).
HOME_MEMBER = 15
PROFILE_MEMBER = 12
DIARY_MEMBER = 10
MEMBER_HIT = 0


def _count_member(django_assert_num_queries, client, path, miss_budget):
    """A member's page on a miss, then from their cache."""
    _count(django_assert_num_queries, client, path, miss_budget)
    with django_assert_num_queries(MEMBER_HIT):
        response = client.get(path)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    return response


@pytest.mark.parametrize("diary_data", SIZES, indirect=True)
@pytest.mark.parametrize(
    ("path", "budget"),
    [
        ("/", HOME_MEMBER),
        ("/users/diarist/", PROFILE_MEMBER),
        ("/users/diarist/diary/", DIARY_MEMBER),
        ("film", FILM_MEMBER),
    ],
)
def test_members_own_pages(diary_data, client, django_assert_num_queries, path, budget):
    client.force_login(diary_data["diarist"])
    if path == "film":
        path = diary_data["films"][0].get_absolute_url()
    _count_member(django_assert_num_queries, client, path, budget)
