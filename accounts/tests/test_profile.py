import re
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from wagtail_factories import ImageFactory

from accounts.factories import UserFactory
from films.factories import FilmFactory
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm
from reviews.viewing_services import viewing_log

pytestmark = pytest.mark.django_db

S = UserFilm.Status


def profile_url(user):
    return reverse("accounts:profile", args=[user.username])


@pytest.fixture
def shelf(member):
    """2 watched, 1 watching, 3 want, 0 dropped; one watched has a comment."""
    now = timezone.now()
    rows = [
        ("Watched older", S.WATCHED, 6, "", 5),
        ("Watched newer", S.WATCHED, 9, "A masterpiece.", 1),
        ("Now watching", S.WATCHING, None, "", 2),
        ("Want A", S.WANT, None, "", 3),
        ("Want B", S.WANT, None, "", 4),
        ("Want C", S.WANT, None, "", 6),
    ]
    for title, status, rating, comment, age in rows:
        row = UserFilmFactory(
            user=member,
            film=FilmFactory(title=title),
            status=status,
            rating=rating,
            comment=comment,
        )
        UserFilm.objects.filter(pk=row.pk).update(updated_at=now - timedelta(days=age))
    UserFilmFactory(film=FilmFactory(title="Someone else's film"))
    return member


def count(html, status):
    return int(re.search(rf'data-testid="count-{status}">(\d+)<', html).group(1))


def group_titles(response):
    return [
        (row.get_status_display(), row.film.title)
        for row in response.context["page_obj"].object_list
    ]


def test_films_are_grouped_by_status_newest_first(client, shelf):
    response = client.get(profile_url(shelf))
    assert response.status_code == 200
    assert group_titles(response) == [
        ("Watching", "Now watching"),
        ("Watched", "Watched newer"),
        ("Watched", "Watched older"),
        ("Want to watch", "Want A"),
        ("Want to watch", "Want B"),
        ("Want to watch", "Want C"),
    ]
    html = response.content.decode()
    headings = re.findall(r'<h2 class="h5[^"]*" id="group-\d+">([^<]+)</h2>', html)
    assert headings == ["Watching", "Watched", "Want to watch"]
    assert "A masterpiece." in html
    assert 'aria-label="4.5 out of 5 stars"' in html
    assert "Someone else&#x27;s film" not in html


def test_watched_films_come_by_their_latest_viewing_newest_first(client, member):
    def watched(title, *days, updated_days_ago=0):
        film = FilmFactory(title=title)
        for day in days:
            viewing_log(user=member, film=film, watched_on=day)
        row = UserFilm.objects.get(user=member, film=film)
        UserFilm.objects.filter(pk=row.pk).update(
            updated_at=timezone.now() - timedelta(days=updated_days_ago)
        )
        return film

    day = date(2024, 3, 1)
    # Edited most recently, but watched longest ago.
    watched("Old viewing", day - timedelta(days=300), updated_days_ago=0)
    # First viewing long ago, a rewatch last week: the rewatch counts.
    watched("Rewatched", day - timedelta(days=900), day, updated_days_ago=5)
    watched("Same day, older entry", day - timedelta(days=10), updated_days_ago=9)
    watched("Same day, newer entry", day - timedelta(days=10), updated_days_ago=2)
    # A date kept on the entry (no viewing) and none at all.
    UserFilmFactory(
        user=member,
        film=FilmFactory(title="Dated entry"),
        status=S.WATCHED,
        watched_on=day - timedelta(days=100),
    )
    UserFilmFactory(user=member, film=FilmFactory(title="Undated"), status=S.WATCHED)
    response = client.get(profile_url(member), {"status": "watched"})
    assert [title for _status, title in group_titles(response)] == [
        "Rewatched",
        "Same day, newer entry",
        "Same day, older entry",
        "Dated entry",
        "Old viewing",
        "Undated",
    ]


def test_counts_per_status(client, shelf):
    html = client.get(profile_url(shelf)).content.decode()
    assert count(html, "all") == 6
    assert count(html, "watched") == 2
    assert count(html, "watching") == 1
    assert count(html, "want") == 3
    assert count(html, "dropped") == 0


def test_status_tab_shows_one_group(client, shelf):
    response = client.get(profile_url(shelf), {"status": "want"})
    assert [t for _, t in group_titles(response)] == ["Want A", "Want B", "Want C"]
    bogus = client.get(profile_url(shelf), {"status": "nonsense"})
    assert len(group_titles(bogus)) == 6


def test_owner_sees_edit_links_and_others_do_not(client, shelf):
    film = UserFilm.objects.filter(user=shelf).first().film
    edit = f'href="{reverse("reviews:edit", args=[film.slug])}"'
    assert edit not in client.get(profile_url(shelf)).content.decode()
    client.force_login(UserFactory())
    assert edit not in client.get(profile_url(shelf)).content.decode()
    client.force_login(shelf)
    assert edit in client.get(profile_url(shelf)).content.decode()


def test_unknown_or_inactive_member_is_a_404(client):
    assert client.get("/users/nobody-here/").status_code == 404
    gone = UserFactory(is_active=False)
    assert client.get(profile_url(gone)).status_code == 404


def test_empty_profile_says_so(client, member):
    html = client.get(profile_url(member)).content.decode()
    assert 'data-testid="profile-empty"' in html


def test_profile_query_count_does_not_grow_with_films(
    client, member, django_assert_num_queries
):
    """Member, status counts, page count, page of rows+films, posters, renditions."""
    statuses = list(S)
    poster = ImageFactory()  # shared: renditions are made once, queries still run
    for size in (5, 50):
        have = UserFilm.objects.filter(user=member).count()
        for i in range(have, size):
            UserFilmFactory(
                user=member,
                film=FilmFactory(poster=poster),
                status=statuses[i % len(statuses)],
                rating=None if statuses[i % len(statuses)] == S.WANT else 7,
                comment="Noted.",
            )
        client.get(profile_url(member))  # the first view makes the renditions
        cache.clear()  # count a page cache miss: the work the page really does
        with django_assert_num_queries(6):
            response = client.get(profile_url(member))
        assert response.context["total"] == size
