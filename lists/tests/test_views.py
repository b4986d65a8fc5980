"""The site's list pages and forms: who sees what, PRG, caching, queries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.factories import UserFactory
from lists.bulk import list_entries_append
from lists.models import List
from lists.services import list_update
from reviews.factories import UserFilmFactory

from .conftest import bulk_films, order

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_index_shows_public_lists_to_visitors_and_all_to_the_owner(
    client, member, films, make_list
):
    make_list(films[:2], title="Open")
    make_list(title="Link only", visibility="unlisted")
    make_list(title="Secret", visibility="private")
    url = reverse("lists:index", args=[member.username])
    html = client.get(url).content.decode()
    assert "Open" in html and "Link only" not in html and "Secret" not in html
    own = signed_in(member).get(url).content.decode()
    assert "Link only" in own and "Secret" in own


def test_detail_ranked_rows_with_owner_ratings_and_watched_count(
    member, films, make_list
):
    film_list = make_list(films[:3], title="Top", ranked=True, description="a\nb")
    UserFilmFactory(user=member, film=films[1], rating=9)
    visitor = UserFactory()
    UserFilmFactory(user=visitor, film=films[0], status="watched")
    UserFilmFactory(user=visitor, film=films[2], status="want", rating=None)
    response = signed_in(visitor).get(film_list.get_absolute_url())
    html = response.content.decode()
    assert html.index("Film 1") < html.index("Film 2") < html.index("Film 3")
    assert "a<br>b" in html
    assert 'aria-label="4.5 out of 5 stars"' in html
    assert "watched 1 of 3." in html
    assert "move-up" not in html  # not the owner's


def test_private_list_is_404_to_others_and_shown_to_the_owner(
    client, member, films, make_list
):
    film_list = make_list(films[:1], visibility="private")
    url = film_list.get_absolute_url()
    assert client.get(url).status_code == 404
    assert signed_in(UserFactory()).get(url).status_code == 404
    assert signed_in(member).get(url).status_code == 200


def test_unlisted_list_opens_by_link_but_is_not_indexed(client, make_list):
    film_list = make_list(visibility="unlisted")
    response = client.get(film_list.get_absolute_url())
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"


def test_create_edit_delete_with_prg(member, films):
    client = signed_in(member)
    made = client.post(
        reverse("lists:create"),
        {"title": "Kids", "description": "", "visibility": "public", "ranked": "on"},
    )
    film_list = List.objects.get()
    assert made.status_code == 302 and made["Location"] == film_list.get_absolute_url()
    assert film_list.ranked
    edited = client.post(
        reverse("lists:edit", args=[film_list.pk]),
        {"title": "Kids!", "description": "x", "visibility": "private"},
    )
    assert edited.status_code == 302
    film_list.refresh_from_db()
    assert (film_list.title, film_list.visibility, film_list.ranked) == (
        "Kids!",
        "private",
        False,
    )
    confirm = client.get(reverse("lists:delete", args=[film_list.pk]))
    assert b"Yes, delete it" in confirm.content
    gone = client.post(reverse("lists:delete", args=[film_list.pk]))
    assert gone.status_code == 302
    assert not List.objects.exists()


def test_bad_form_input_is_a_400_and_saves_nothing(member):
    response = signed_in(member).post(
        reverse("lists:create"),
        {"title": "Ok", "description": "d" * 100_000, "visibility": "public"},
    )
    assert response.status_code == 400
    assert b"error-summary" in response.content
    assert not List.objects.exists()


def test_the_list_limit_is_told(member, monkeypatch, make_list):
    monkeypatch.setattr("lists.services.MAX_LISTS", 1)
    make_list()
    response = signed_in(member).post(
        reverse("lists:create"), {"title": "Two", "visibility": "public"}
    )
    assert response.status_code == 400
    assert b"the most one member can have" in response.content


def test_add_from_the_film_page_and_back(member, films, make_list):
    film_list = make_list()
    client = signed_in(member)
    film_url = films[0].get_absolute_url()
    page = client.get(film_url).content.decode()
    assert "Add to list…" in page and "My list" in page
    response = client.post(
        reverse("lists:entry_add"),
        {"list": film_list.pk, "film": films[0].pk, "next": film_url},
    )
    assert response.status_code == 302 and response["Location"] == film_url
    again = client.post(
        reverse("lists:entry_add"),
        {"list": film_list.pk, "film": films[0].pk, "next": film_url},
        follow=True,
    )
    assert "already in this list" in again.content.decode()
    assert order(film_list)[0] == ["Film 1"]


def test_a_film_in_every_list_offers_no_button_to_add_it(member, films, make_list):
    make_list(films[:1])
    client = signed_in(member)
    page = client.get(films[0].get_absolute_url()).content.decode()
    assert 'data-testid="in-every-list"' in page
    assert 'data-testid="add-to-list"' not in page
    # Nor a menu whose every choice is disabled (it looked empty).
    assert 'data-testid="add-to-list-select"' not in page
    page = client.get(films[1].get_absolute_url()).content.decode()
    assert 'data-testid="add-to-list"' in page


def test_add_by_search_without_javascript(member, films, make_list):
    film_list = make_list()
    html = signed_in(member).get(film_list.get_absolute_url(), {"q": "Film 3"})
    assert f'value="{films[2].pk}"' in html.content.decode()


def test_move_buttons_and_remove(member, films, make_list):
    film_list = make_list(films[:3], ranked=True)
    client = signed_in(member)
    third = film_list.entries.get(position=3)
    url = reverse("lists:entry_update", args=[film_list.pk, third.pk])
    response = client.post(url, {"position": "2"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#entry-{third.pk}")
    assert order(film_list)[0] == ["Film 1", "Film 3", "Film 2"]
    assert client.post(url, {"position": "9"}).status_code == 302  # told, kept
    assert order(film_list)[0] == ["Film 1", "Film 3", "Film 2"]
    client.post(url, {"note": "Better than I remembered"})
    third.refresh_from_db()
    assert third.note == "Better than I remembered"
    remove = reverse("lists:entry_remove", args=[film_list.pk, third.pk])
    assert client.post(remove).status_code == 302
    assert order(film_list) == (["Film 1", "Film 2"], [1, 2])


def test_another_members_list_is_404_on_every_write(member, films, make_list):
    film_list = make_list(films[:2])
    entry = film_list.entries.first()
    other = signed_in(UserFactory())
    before = order(film_list)
    urls = [
        (reverse("lists:edit", args=[film_list.pk]), {"title": "x"}),
        (reverse("lists:delete", args=[film_list.pk]), {}),
        (reverse("lists:entry_add"), {"list": film_list.pk, "film": films[3].pk}),
        (
            reverse("lists:entry_update", args=[film_list.pk, entry.pk]),
            {"position": 2},
        ),
        (reverse("lists:entry_remove", args=[film_list.pk, entry.pk]), {}),
    ]
    for url, data in urls:
        assert other.post(url, data).status_code == 404, url
    assert order(film_list) == before
    assert List.objects.get().title == "My list"


def test_anonymous_list_pages_are_cached_until_the_list_changes(
    member, films, make_list
):
    film_list = make_list(films[:2])
    url = film_list.get_absolute_url()
    client = Client()
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    list_entries_append(user=member, list_id=film_list.pk, films=[(films[2], "")])
    fresh = client.get(url)
    assert fresh["X-Page-Cache"] == "miss" and b"Film 3" in fresh.content
    films[0].title = "Renamed"
    films[0].save()
    assert b"Renamed" in client.get(url).content
    list_update(user=member, list_id=film_list.pk, visibility="private")
    assert client.get(url).status_code == 404
    index = reverse("lists:index", args=[member.username])
    assert client.get(index)["X-Page-Cache"] == "miss"
    list_update(user=member, list_id=film_list.pk, visibility="public")
    assert b"My list" in client.get(index).content


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("viewer", ["anonymous", "owner", "visitor"])
def test_list_pages_cost_the_same_queries_at_5_and_1000_films(
    member, make_list, viewer
):
    clients = {
        "anonymous": Client(),
        "owner": signed_in(member),
        "visitor": signed_in(UserFactory()),
    }
    counts = []
    for size in (5, 1000):
        films = bulk_films(size, prefix=f"S{size}")
        film_list = make_list(films, title=f"Size {size}", ranked=size == 5)
        UserFilmFactory(user=member, film=films[0], rating=8)
        client = clients[viewer]
        # Warm up: 1,000 version keys just pushed the session out of the
        # test's small local-memory cache; a request puts it back.
        client.get(reverse("accounts:profile", args=[member.username]))
        counts.append(
            (
                _queries(client, film_list.get_absolute_url()),
                _queries(client, reverse("lists:index", args=[member.username])),
            )
        )
        List.objects.filter(pk=film_list.pk).update(ranked=True)
    assert counts[0] == counts[1]


def test_sitemap_lists_public_lists_only_with_lastmod(client, member, make_list):
    shown = make_list(title="Shown")
    make_list(title="Link", visibility="unlisted")
    make_list(title="Mine", visibility="private")
    xml = client.get("/sitemap-lists.xml").content.decode()
    assert shown.get_absolute_url() in xml
    assert "/lists/link/" not in xml and "/lists/mine/" not in xml
    assert shown.updated_at.date().isoformat() in xml


def test_film_page_counts_public_lists_only(client, member, films, make_list):
    make_list(films[:1], title="Open one")
    make_list(films[:1], title="Hidden one", visibility="private")
    make_list(films[:1], title="Link one", visibility="unlisted")
    html = client.get(films[0].get_absolute_url()).content.decode()
    assert "In 1 public list" in html
    assert "Open one" in html
    assert "Hidden one" not in html and "Link one" not in html
    film_list = make_list(films[:1], title="Second open")
    assert (
        "In 2 public lists" in client.get(films[0].get_absolute_url()).content.decode()
    )
    list_update(user=member, list_id=film_list.pk, visibility="private")
    assert (
        "In 1 public list" in client.get(films[0].get_absolute_url()).content.decode()
    )
