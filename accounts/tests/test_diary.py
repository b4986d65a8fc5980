"""/users/<username>/diary/: viewings newest first by month, year filter, pages."""

import datetime
import re

import pytest

from accounts.factories import UserFactory
from films.factories import FilmFactory
from reviews.diary_selectors import DIARY_PAGE_SIZE
from reviews.models import Viewing
from reviews.viewing_services import viewing_log

pytestmark = pytest.mark.django_db


def diary(client, username, query=""):
    response = client.get(f"/users/{username}/diary/{query}")
    assert response.status_code == 200
    return response


def test_newest_first_grouped_by_month_with_stars_rewatch_and_note(client, member):
    film = FilmFactory(title="Solaris", year=1972)
    viewing_log(user=member, film=film, watched_on=datetime.date(2023, 5, 2), rating=8)
    viewing_log(
        user=member, film=film, watched_on=datetime.date(2024, 3, 9), note="Better"
    )
    viewing_log(user=member, film=FilmFactory(), watched_on=datetime.date(2024, 3, 1))
    response = diary(client, member.username)
    rows = list(response.context["page_obj"])
    assert [v.watched_on for v in rows] == [
        datetime.date(2024, 3, 9),
        datetime.date(2024, 3, 1),
        datetime.date(2023, 5, 2),
    ]
    html = response.content.decode()
    assert html.index("March 2024") < html.index("May 2023")
    assert html.count('data-testid="rewatch"') == 1
    assert "Better" in html
    assert 'aria-label="4 out of 5 stars"' in html or "stars-8" in html
    # Under its month's heading a viewing shows the day alone, in any
    # language ("9", not "9 Mar" or "9 Мар"), with the whole date for machines.
    day = re.search(r'<time [^>]*data-testid="diary-day">([^<]*)</time>', html)
    assert 'datetime="2024-03-09"' in day.group(0) and day.group(1) == "9"


def test_the_year_filter_keeps_one_year_and_ignores_nonsense(client, member):
    film = FilmFactory()
    viewing_log(user=member, film=film, watched_on=datetime.date(2022, 1, 1))
    viewing_log(user=member, film=film, watched_on=datetime.date(2024, 1, 1))
    rows = diary(client, member.username, "?year=2022").context["page_obj"]
    assert [v.watched_on.year for v in rows] == [2022]
    for bad in ("?year=abc", "?year=1999", "?year=", "?year=٢٠٢٢"):
        rows = diary(client, member.username, bad).context["page_obj"]
        assert len(rows) == 2, bad


def test_paginated_public_and_linked_from_the_profile(client, member):
    film = FilmFactory()
    start = datetime.date(2020, 1, 1)
    Viewing.objects.bulk_create(
        Viewing(user=member, film=film, watched_on=start + datetime.timedelta(days=i))
        for i in range(DIARY_PAGE_SIZE + 1)
    )
    page2 = diary(client, member.username, "?page=2").context["page_obj"]
    assert [v.watched_on for v in page2] == [start]
    profile = client.get(f"/users/{member.username}/").content.decode()
    assert f'href="/users/{member.username}/diary/"' in profile


def test_unknown_or_inactive_members_have_no_diary(client):
    assert client.get("/users/nobody/diary/").status_code == 404
    gone = UserFactory(is_active=False)
    assert client.get(f"/users/{gone.username}/diary/").status_code == 404


def test_an_empty_diary_says_so(client, member):
    assert (
        'data-testid="diary-empty"' in diary(client, member.username).content.decode()
    )
