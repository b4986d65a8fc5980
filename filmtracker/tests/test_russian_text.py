"""Russian that reads as Russian: month cases, plural forms, number grouping."""

from datetime import UTC, datetime

import pytest
from django.utils import translation

from accounts.factories import UserFactory
from films.factories import FilmFactory
from films.templatetags.film_tags import stars_phrase

pytestmark = pytest.mark.django_db
RU = {"HTTP_ACCEPT_LANGUAGE": "ru"}


@pytest.mark.parametrize(
    ("stars", "text"),
    [
        (1, "1 звезда"),
        (2, "2 звезды"),
        (5, "5 звёзд"),
        (0.5, "0,5 звезды"),
        (4.5, "4,5 звезды"),
    ],
)
def test_star_counts_take_russian_plural_forms(stars, text):
    with translation.override("ru"):
        assert stars_phrase(stars) == text


def test_star_counts_in_english():
    with translation.override("en"):
        assert [stars_phrase(n) for n in (1, 2, 4.5)] == [
            "1 star",
            "2 stars",
            "4.5 stars",
        ]


def test_member_since_uses_the_genitive_month(client):
    member = UserFactory(date_joined=datetime(2026, 11, 3, tzinfo=UTC))
    html = client.get(f"/users/{member.username}/", **RU).content.decode()
    assert "Участник с ноября 2026 года" in html
    html = client.get(f"/users/{member.username}/").content.decode()
    assert "Member since November 2026" in html


def test_large_counts_are_grouped_the_locales_way(client):
    film = FilmFactory(tmdb_vote_average=8.2, tmdb_vote_count=16000)
    html = client.get(film.get_absolute_url(), **RU).content.decode()
    assert "16\xa0000 голосов" in html
    html = client.get(film.get_absolute_url()).content.decode()
    assert "16,000 votes" in html


def test_the_invitation_to_rate_is_one_russian_sentence(client):
    film = FilmFactory()
    html = " ".join(client.get(film.get_absolute_url(), **RU).content.decode().split())
    assert "Войдите</a> или <a" in html
    assert "зарегистрируйтесь</a>, чтобы оценить этот фильм" in html
