import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from accounts.factories import UserFactory
from films.factories import CreditFactory, FilmFactory, GenreFactory, PersonFactory
from films.models import Credit
from films.tests.test_translations import RU, matrix
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm
from reviews.selectors import REVIEWS_PAGE_SIZE, film_rating_histogram

pytestmark = pytest.mark.django_db

WANT, WATCHED, DROPPED = (
    UserFilm.Status.WANT,
    UserFilm.Status.WATCHED,
    UserFilm.Status.DROPPED,
)


def text_of(html, testid):
    match = re.search(rf'data-testid="{testid}"[^>]*>(.*?)</', html, re.S)
    assert match, f"no element with data-testid={testid}"
    return re.sub(r"\s+", " ", match.group(1)).strip()


@pytest.fixture
def rated_film():
    """Ratings 8, 8, 8, 3 (watched), 6 (dropped), plus an unrated 'want'.

    By hand: average (8+8+8+3+6)/5 = 6.6 of 10 = 3.3 of 5, shown as 3½ stars
    (6.6 rounds to 7 half stars); 5 ratings; 4 watched; histogram 8→3,
    3→1, 6→1, so bars 100 %, 35 %, 35 % (1/3 of the peak, to 5 %).
    """
    film = FilmFactory(title="Stalker", year=1979, runtime=162)
    for rating in (8, 8, 8, 3):
        UserFilmFactory(film=film, rating=rating, status=WATCHED)
    UserFilmFactory(film=film, rating=6, status=DROPPED)
    UserFilmFactory(film=film, rating=None, status=WANT)
    UserFilmFactory(rating=1)  # another film's rating must not leak in
    return film


def test_film_page_numbers_match_hand_computed_values(client, rated_film):
    response = client.get(rated_film.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert text_of(html, "site-average").startswith("3.3")
    # The stars are drawn to the half (stars-7), said as the page's figure.
    assert 'aria-label="3.3 out of 5 stars"' in html
    assert "stars-7" in html
    assert text_of(html, "rating-count") == "5 ratings"
    assert text_of(html, "watch-count") == "watched by 4 members"
    assert text_of(html, "histogram-8") == "4 stars: 3 ratings"
    assert text_of(html, "histogram-6") == "3 stars: 1 rating"
    assert text_of(html, "histogram-3") == "1.5 stars: 1 rating"
    assert text_of(html, "histogram-1") == "0.5 stars: 0 ratings"
    assert html.count("h-pct-100") == 1
    assert html.count("h-pct-35") == 2


def test_histogram_buckets_are_counted_in_one_query(
    rated_film, django_assert_num_queries
):
    with django_assert_num_queries(1):
        buckets = film_rating_histogram(film=rated_film)
    by_rating = {b["rating"]: (b["count"], b["percent"]) for b in buckets}
    assert [b["rating"] for b in buckets] == list(range(1, 11))
    assert by_rating[8] == (3, 100)
    assert by_rating[3] == (1, 35)
    assert by_rating[6] == (1, 35)
    assert by_rating[10] == (0, 0)
    assert sum(count for count, _ in by_rating.values()) == 5


def test_film_page_shows_facts_credits_and_tmdb_rating(client):
    film = FilmFactory(
        title="Heat",
        year=1995,
        runtime=170,
        tmdb_vote_average="7.9",
        tmdb_vote_count=1234,
        overview="A crew of thieves and a detective.",
    )
    film.genres.add(GenreFactory(name="Crime"))
    CreditFactory(film=film, person=PersonFactory(name="Michael Mann"), role="director")
    CreditFactory(
        film=film, person=PersonFactory(name="Al Pacino"), character="Vincent Hanna"
    )
    html = client.get(film.get_absolute_url()).content.decode()
    assert "2 h 50 min" in html
    assert "Crime" in html
    assert "Michael Mann" in html
    assert "Al Pacino" in html and "Vincent Hanna" in html
    assert text_of(html, "tmdb-rating").startswith("7.9")
    assert "1,234 votes" in html  # grouped the locale's way
    assert "A crew of thieves and a detective." in html
    assert text_of(html, "site-average") == "No ratings yet"


def test_poster_is_a_picture_with_modern_formats_and_alt_text(client):
    film = FilmFactory(title="Solaris", with_poster=True)
    html = client.get(film.get_absolute_url()).content.decode()
    assert "<picture>" in html
    assert 'type="image/avif"' in html
    assert 'type="image/webp"' in html
    assert 'alt="Poster of Solaris"' in html


def test_film_cards_below_the_first_row_lazy_load_their_posters(client):
    # The first row of the page's first grid is eager (the first poster with
    # fetchpriority=high): filmtracker/tests/test_readable_markup.py.
    FilmFactory.create_batch(7, with_poster=True)
    html = client.get("/").content.decode()
    cards = re.findall(r"<img\b[^>]*>", html)
    assert 'loading="eager"' in cards[0] and 'fetchpriority="high"' in cards[0]
    assert 'loading="lazy"' in cards[6]
    assert 'type="image/webp"' in html


def test_reviews_are_newest_first_paginated_and_only_those_with_text(client):
    film = FilmFactory()
    now = timezone.now()
    for i in range(REVIEWS_PAGE_SIZE + 2):
        row = UserFilmFactory(film=film, comment=f"Review number {i:02d}")
        UserFilm.objects.filter(pk=row.pk).update(updated_at=now - timedelta(hours=i))
    UserFilmFactory(film=film, comment="")  # a bare rating is not a review
    first = client.get(film.get_absolute_url()).content.decode()
    positions = [first.find(f"Review number {i:02d}") for i in range(3)]
    assert -1 not in positions and positions == sorted(positions)
    assert f"Review number {REVIEWS_PAGE_SIZE:02d}" not in first
    second = client.get(film.get_absolute_url(), {"page": 2}).content.decode()
    assert f"Review number {REVIEWS_PAGE_SIZE:02d}" in second
    assert f"Review number {REVIEWS_PAGE_SIZE + 1:02d}" in second
    assert "Review number 00" not in second


def test_unknown_film_is_a_404(client):
    assert client.get("/films/no-such-film/").status_code == 404


def test_visitor_is_invited_to_log_in_to_rate(client):
    film = FilmFactory()
    html = client.get(film.get_absolute_url()).content.decode()
    assert "/accounts/login/?next=" in html
    assert 'name="comment"' not in html


def test_unverified_member_is_sent_to_verify_their_email(client, unverified_member):
    client.force_login(unverified_member)
    html = client.get(FilmFactory().get_absolute_url()).content.decode()
    assert "verify your email address" in html
    assert 'href="/accounts/email/"' in html
    assert 'name="comment"' not in html


def test_member_sees_the_rating_form_filled_with_their_own_row(member_client, member):
    film = FilmFactory()
    UserFilmFactory(film=film, user=member, rating=7, comment="Slow but great")
    UserFilmFactory(film=film, rating=2, comment="Someone else's words")
    html = member_client.get(film.get_absolute_url()).content.decode()
    assert f'action="/films/{film.slug}/rating/"' in html
    assert '<option value="3.5" selected>' in html
    assert "Slow but great</textarea>" in html
    assert f'href="/films/{film.slug}/rating/delete/"' in html


def _film_with(n_reviews, *, poster=True):
    film = FilmFactory(title="Big film", with_poster=poster)
    film.genres.add(*[GenreFactory() for _ in range(3)])
    for role in (Credit.Role.DIRECTOR, Credit.Role.CAST, Credit.Role.CAST):
        CreditFactory(film=film, role=role)
    for member in UserFactory.create_batch(n_reviews):
        UserFilmFactory(film=film, user=member, rating=7, comment="Fine.")
    return film


# Visitor: film with stats, poster, renditions, genres, credits+people,
# histogram, review count, review page, the journal's references to the film
# (no articles: no article query), the public lists holding it (one query,
# lists/selectors.py). A member adds session, user, their own row and own
# viewings, the verified-email check, the navbar's two permission queries
# and their own lists for "Add to list…".
@pytest.mark.parametrize("signed_in, expected", [(False, 10), (True, 17)])
def test_film_page_query_count_does_not_grow_with_reviews(
    client, member, django_assert_num_queries, signed_in, expected
):
    if signed_in:
        client.force_login(member)
    for n in (5, 50):
        film = _film_with(n)
        if signed_in:
            UserFilmFactory(film=film, user=member, rating=8, comment="Mine")
        url = film.get_absolute_url()
        client.get(url)  # the first view makes the poster renditions
        # The rendering's cost, not the anonymous page cache's (visitors' pages
        # carry no CSRF token since the language switch, so they are cached).
        cache.clear()
        if signed_in:
            client.force_login(member)
        with django_assert_num_queries(expected):
            response = client.get(url)
        assert response.status_code == 200
        assert response.context["film_page"].review_count == n + signed_in


def test_member_page_reuses_the_shared_part_and_queries_only_their_own(
    client, member, django_assert_num_queries
):
    """The film's details and reviews come from the cache once rendered:
    building a member's page then costs their own row, own viewings,
    verified-email check, their lists ("Add to list…") and the navbar's two
    permission queries (their
    session and user row are in the cache too), whatever the film holds."""
    for n in (5, 50):
        film = _film_with(n)
        UserFilmFactory(film=film, user=member, rating=8, comment="Mine")
        # A new browser: its first view renders and caches the shared part and
        # sets its CSRF cookie, so the second builds (not replays) their page.
        browser = Client()
        browser.force_login(member)
        browser.get(film.get_absolute_url())
        with django_assert_num_queries(6):
            html = browser.get(film.get_absolute_url()).content.decode()
        assert text_of(html, "rating-count") == f"{n + 1} ratings"
        assert '<option value="4" selected>' in html  # their own row, fresh


def test_shared_part_follows_a_new_rating_and_the_reviews_page(client, member):
    film = _film_with(REVIEWS_PAGE_SIZE)
    client.force_login(member)
    url = film.get_absolute_url()
    assert text_of(client.get(url).content.decode(), "rating-count") == "10 ratings"

    UserFilmFactory(film=film, rating=2, comment="Newest of all")
    html = client.get(url).content.decode()
    assert text_of(html, "rating-count") == "11 ratings"
    assert "Newest of all" in html
    second = client.get(url + "?page=2").content.decode()
    assert "Newest of all" not in second and "Fine." in second
    for junk in ("0", "-1", "x", "٣"):  # not a page: the first one
        assert "Newest of all" in client.get(f"{url}?page={junk}").content.decode()


def test_another_members_page_never_shows_my_form(client, member):
    film = FilmFactory()
    UserFilmFactory(film=film, user=member, rating=9, comment="Mine alone")
    client.force_login(member)
    client.get(film.get_absolute_url())
    client.force_login(UserFactory())
    html = client.get(film.get_absolute_url()).content.decode()
    assert "Mine alone" in html  # in the reviews, for everyone
    assert "Mine alone</textarea>" not in html
    assert '<option value="4.5" selected>' not in html


def test_film_page_counts_ratings_in_russian(client):
    film = matrix(title="Матрица")
    UserFilmFactory.create_batch(2, film=film, rating=8)
    html = client.get(film.get_absolute_url(), **RU).content.decode()
    assert "2 оценки" in html
