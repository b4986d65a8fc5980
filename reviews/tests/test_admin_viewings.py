"""Viewings in the Wagtail admin: listed, filtered, searched, read and deleted."""

import datetime

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from films.factories import FilmFactory
from reviews.admin_viewings import VIEWING_INDEX_URL_NAME
from reviews.models import UserFilm, Viewing
from reviews.viewing_services import viewing_log

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 3, 31)


@pytest.fixture
def diary():
    anna = UserFactory(username="anna")
    stalker = FilmFactory(title="Stalker")
    viewing_log(user=anna, film=stalker, watched_on=DAY.replace(year=2020), rating=7)
    viewing_log(user=anna, film=stalker, watched_on=DAY, note="Again")
    boris = UserFactory(username="boris")
    viewing_log(user=boris, film=FilmFactory(title="Solaris"), watched_on=DAY, rating=2)
    return anna


def test_listing_shows_member_film_date_stars_and_rewatch(editor_client, diary):
    html = editor_client.get(reverse(VIEWING_INDEX_URL_NAME)).content.decode()
    assert "Stalker" in html and "Solaris" in html and "anna" in html
    assert "★★★½ (3½ out of 5)" in html
    assert html.count(">rewatch<") == 1


def test_listing_filters_by_stars_and_searches(editor_client, diary):
    url = reverse(VIEWING_INDEX_URL_NAME)
    by_stars = editor_client.get(url, {"rating": 2}).content.decode()
    assert "Solaris" in by_stars and "Stalker" not in by_stars
    by_member = editor_client.get(url, {"q": "boris"}).content.decode()
    assert "Solaris" in by_member and "Stalker" not in by_member
    by_film = editor_client.get(url, {"q": "stalk"}).content.decode()
    assert "Stalker" in by_film and "Solaris" not in by_film


def test_no_create_or_edit_but_delete_keeps_the_entry(editor_client, diary):
    assert editor_client.get(
        reverse("reviews_viewing_modeladmin_create")
    ).status_code in (302, 403)
    viewing = Viewing.objects.filter(user=diary).first()
    assert editor_client.get(
        reverse("reviews_viewing_modeladmin_edit", args=[viewing.pk])
    ).status_code in (302, 403)
    inspect = editor_client.get(
        reverse("reviews_viewing_modeladmin_inspect", args=[viewing.pk])
    )
    assert inspect.status_code == 200
    editor_client.post(reverse("reviews_viewing_modeladmin_delete", args=[viewing.pk]))
    assert not Viewing.objects.filter(pk=viewing.pk).exists()
    assert UserFilm.objects.filter(user=diary).exists()


def test_members_cannot_see_the_listing(member_client, diary):
    response = member_client.get(reverse(VIEWING_INDEX_URL_NAME))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("rows", [10, 500])
def test_listing_stays_under_15_queries(
    editor_client, rows, django_assert_max_num_queries
):
    films = FilmFactory.create_batch(5)
    member = UserFactory()
    Viewing.objects.bulk_create(
        Viewing(
            user=member,
            film=films[i % 5],
            watched_on=DAY - datetime.timedelta(days=i),
            rating=1 + i % 10,
        )
        for i in range(rows)
    )
    url = reverse(VIEWING_INDEX_URL_NAME)
    editor_client.get(url)  # session, permissions and menus warmed once
    with django_assert_max_num_queries(14):
        response = editor_client.get(url)
    assert response.status_code == 200
