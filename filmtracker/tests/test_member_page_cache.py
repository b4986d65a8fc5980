"""Members' cached pages: their own data never stale, nobody else's, CSRF valid.

A member's page is kept per member and per browser (CSRF cookie) by
filmtracker/member_page_cache.py; these tests walk through what a member does
(rate, log a viewing, verify an email, switch accounts) and check each page
they get right after.
"""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from accounts.factories import UserFactory
from films.factories import FilmFactory
from filmtracker.page_cache import HEADER
from reviews.services import review_upsert
from reviews.viewing_services import viewing_log

pytestmark = pytest.mark.django_db

RATING = {"rating": "4.5", "status": "watched", "watched_on": "", "comment": ""}


@pytest.fixture
def film():
    return FilmFactory(title="Stalker", year=1979)


def _csrf_client(user):
    """A browser that sends CSRF tokens as a real one does (checks enforced)."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _warm(client, path):
    """First view sets the CSRF cookie, the second stores: the third is a hit."""
    client.get(path)
    assert client.get(path)[HEADER] == "miss"
    response = client.get(path)
    assert response[HEADER] == "hit"
    return response


def _token(response):
    return (
        re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.content)
        .group(1)
        .decode()
    )


def _summary(response):
    html = response.content.decode()
    match = re.search(r'data-testid="own-summary">(.*?)</p>', html, re.S)
    return match.group(1) if match else None


def test_a_members_page_is_served_from_their_cache_with_no_query(
    film, django_assert_num_queries
):
    member = UserFactory(display_name="Kris")
    client = _csrf_client(member)
    path = film.get_absolute_url()
    _warm(client, path)
    with django_assert_num_queries(0):  # their session and row are cached too
        response = client.get(path)
    assert response[HEADER] == "hit"
    assert b"Kris" in response.content  # their navbar, not a visitor's


def test_own_rating_shows_at_once_after_saving_and_the_message_once(film):
    member = UserFactory()
    client = _csrf_client(member)
    path = film.get_absolute_url()
    page = _warm(client, path)
    assert _summary(page) is None
    response = client.post(
        reverse("reviews:edit", args=[film.slug]),
        {**RATING, "csrfmiddlewaretoken": _token(page)},
        follow=True,
    )
    assert response.status_code == 200
    assert "Your rating of Stalker was saved." in response.content.decode()
    assert "4.5 out of 5 stars" in _summary(response)
    # The page with the message is not stored; the next one has no message.
    again = client.get(path)
    assert "was saved" not in again.content.decode()
    assert "4.5 out of 5 stars" in _summary(again)
    assert "4.5 out of 5 stars" in _summary(client.get(path))


def test_the_token_in_a_cached_page_passes_csrf_for_its_browser_only(film):
    member = UserFactory()
    client = _csrf_client(member)
    path = film.get_absolute_url()
    page = _warm(client, path)
    add = reverse("reviews:viewing_add", args=[film.slug])
    posted = client.post(add, {"today": "1", "csrfmiddlewaretoken": _token(page)})
    assert posted.status_code == 302
    # The same member in another browser (another CSRF cookie) gets their own
    # page, whose token is theirs; the first browser's token fails there.
    other_browser = _csrf_client(member)
    other_page = other_browser.get(path)
    assert HEADER not in other_page  # no CSRF cookie yet: built, not stored
    refused = other_browser.post(
        add, {"today": "1", "csrfmiddlewaretoken": _token(page)}
    )
    assert refused.status_code == 403
    assert other_browser.get(path)[HEADER] == "miss"


def test_a_logged_viewing_shows_at_once(film):
    member = UserFactory()
    client = _csrf_client(member)
    path = film.get_absolute_url()
    page = _warm(client, path)
    assert b'data-testid="own-viewings"' not in page.content
    client.post(
        reverse("reviews:viewing_add", args=[film.slug]),
        {"today": "1", "csrfmiddlewaretoken": _token(page)},
    )
    client.get(path)  # shows (and uses up) the message
    response = client.get(path)
    assert b'data-testid="own-viewings"' in response.content


def test_two_members_on_the_same_film_page_in_turn_see_only_their_own(film):
    alice = UserFactory(username="alice", display_name="Alice")
    bob = UserFactory(username="bob", display_name="Bob")
    review_upsert(user=alice, film=film, rating=8)
    path = film.get_absolute_url()
    client = Client()
    for _ in range(2):  # the second time round, both pages come from the cache
        client.force_login(alice)
        response = client.get(path)
        assert "4 out of 5 stars" in _summary(response)
        assert b">Alice<" in response.content.replace(b" ", b"").replace(b"\n", b"")
        client.force_login(bob)  # signs Alice out of this browser
        response = client.get(path)
        assert _summary(response) is None
        assert b"Alice" not in response.content.split(b"<main", 1)[0]


def test_anothers_change_of_the_film_reaches_a_members_cached_page(film):
    member = UserFactory()
    client = _csrf_client(member)
    path = film.get_absolute_url()
    _warm(client, path)
    review_upsert(user=UserFactory(), film=film, rating=6, comment="Slow, hypnotic.")
    response = client.get(path)
    assert response[HEADER] == "miss"
    assert b"Slow, hypnotic." in response.content


def test_verifying_the_email_brings_the_rating_form_at_once(film):
    member = UserFactory(verified=False)
    client = _csrf_client(member)
    path = film.get_absolute_url()
    page = _warm(client, path)
    assert b"Please verify your email address" in page.content
    EmailAddress.objects.filter(user=member).update(verified=True)  # no signal
    address = EmailAddress.objects.get(user=member)
    address.save()  # what allauth's confirmation does
    response = client.get(path)
    assert b"Please verify your email address" not in response.content
    assert b"userfilm-form" in response.content


def test_joining_the_editors_shows_the_admin_link_at_once(film):
    member = UserFactory()
    client = _csrf_client(member)
    path = film.get_absolute_url()
    assert b'href="/admin/"' not in _warm(client, path).content
    group = Group.objects.create(name="Reviewers")
    member.groups.add(group)
    assert b'href="/admin/"' not in client.get(path).content  # no permission yet
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    assert b'href="/admin/"' in client.get(path).content


def test_a_page_is_never_served_while_a_message_waits(film):
    member = UserFactory()
    client = _csrf_client(member)
    path = film.get_absolute_url()
    page = _warm(client, path)
    client.post(
        reverse("reviews:viewing_add", args=[film.slug]),
        {"today": "1", "csrfmiddlewaretoken": _token(page)},
    )
    shown = client.get(path)
    assert HEADER not in shown  # neither a hit nor stored: it showed the message
    assert b"was logged" in shown.content
    assert b"was logged" not in client.get(path).content


def test_a_renamed_member_sees_their_new_name_in_the_navbar(film):
    member = UserFactory(display_name="Old name")
    client = _csrf_client(member)
    path = film.get_absolute_url()
    _warm(client, path)
    member.display_name = "New name"
    member.save()
    response = client.get(path)
    assert b"New name" in response.content and b"Old name" not in response.content


def test_the_profile_and_diary_follow_their_owners_changes(film):
    owner, reader = UserFactory(username="owner"), UserFactory()
    anonymous, client = Client(), _csrf_client(reader)
    client.get("/")  # the CSRF cookie
    for path in ("/users/owner/", "/users/owner/diary/"):
        assert client.get(path)[HEADER] == "miss"
        assert client.get(path)[HEADER] == "hit"
        anonymous.get(path)
        assert anonymous.get(path)[HEADER] == "hit"
    review_upsert(user=owner, film=film, rating=7, watched_on=None)
    viewing_log(user=owner, film=film, watched_on=datetime.date(2024, 5, 1))
    for visitor in (anonymous, client):
        assert b"Stalker" in visitor.get("/users/owner/").content
        assert b"Stalker" in visitor.get("/users/owner/diary/").content
