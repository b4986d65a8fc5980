from datetime import timedelta

import pytest
from django.utils import timezone, translation

from reviews.forms import RATING_CHOICES, UserFilmForm
from reviews.models import COMMENT_MAX_LENGTH, UserFilm

pytestmark = pytest.mark.django_db


def form(**data):
    values = {"rating": "", "status": "watched", "watched_on": "", "comment": ""}
    values.update(data)
    return UserFilmForm(data=values)


@pytest.mark.parametrize(
    "stars, stored", [("0.5", 1), ("1", 2), ("3.5", 7), ("4.5", 9), ("5", 10)]
)
def test_half_stars_are_stored_as_1_to_10(stars, stored):
    f = form(rating=stars)
    assert f.is_valid(), f.errors
    assert f.cleaned_data["rating"] == stored


def test_no_rating_is_allowed():
    f = form(rating="", comment="Haven't decided yet.")
    assert f.is_valid(), f.errors
    assert f.cleaned_data["rating"] is None


@pytest.mark.parametrize("stars", ["0", "5.5", "6", "-1", "2.25", "abc", "7"])
def test_ratings_outside_half_stars_half_to_five_are_refused(stars):
    f = form(rating=stars)
    assert not f.is_valid()
    assert "rating" in f.errors


def test_choices_offer_ten_half_steps_and_none():
    values = [value for value, _label in RATING_CHOICES]
    assert values == ["", "0.5", "1", "1.5", "2", "2.5", "3", "3.5", "4", "4.5", "5"]
    assert str(dict(RATING_CHOICES)["3.5"]) == "3½ out of 5"
    assert str(dict(RATING_CHOICES)["0.5"]) == "½ out of 5"


def test_watch_date_in_the_future_is_refused():
    tomorrow = timezone.localdate() + timedelta(days=1)
    f = form(watched_on=tomorrow.isoformat())
    assert not f.is_valid()
    assert f.errors["watched_on"] == [
        "The date you watched the film cannot be in the future."
    ]


def test_watch_date_today_is_fine():
    f = form(watched_on=timezone.localdate().isoformat())
    assert f.is_valid(), f.errors


def test_unknown_status_is_refused():
    f = form(status="binged")
    assert not f.is_valid()
    assert "status" in f.errors


def test_a_film_you_still_want_to_watch_has_no_rating_or_watch_date():
    f = form(status="want", rating="4", watched_on="2024-01-01")
    assert not f.is_valid()
    assert "rating" in f.errors
    assert "watched_on" in f.errors


def test_comment_longer_than_the_limit_is_refused_and_the_limit_is_shown():
    f = form(comment="x" * (COMMENT_MAX_LENGTH + 1))
    assert not f.is_valid()
    assert "comment" in f.errors
    assert "5,000 characters" in str(f.fields["comment"].help_text)
    assert f.fields["comment"].widget.attrs["maxlength"] == str(COMMENT_MAX_LENGTH)


def test_the_limit_is_written_as_russian_writes_numbers():
    with translation.override("ru"):
        help_text = str(form().fields["comment"].help_text)
    assert "5\xa0000" in help_text, help_text  # not "5,000"


def test_existing_rating_is_shown_in_stars():
    f = UserFilmForm(instance=UserFilm(pk=1, rating=7))
    assert f.initial["rating"] == "3.5"
