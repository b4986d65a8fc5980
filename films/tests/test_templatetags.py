import pytest
from django.template.defaultfilters import floatformat

from films.templatetags.film_tags import (
    average_out_of_five,
    out_of_five,
    runtime,
    star_rating,
    stars,
)


@pytest.mark.parametrize(
    "rating, expected",
    [
        (None, None),
        (1, 0.5),
        (7, 3.5),
        (10, 5.0),
        (6.6, 3.5),  # averages round to the nearest half star...
        (6.5, 3.5),  # ...half up, not to even
        (6.49, 3.0),
        (1.2, 0.5),
    ],
)
def test_stars_round_to_the_nearest_half(rating, expected):
    assert stars(rating) == expected


def test_star_rating_context_has_a_css_step_and_a_spoken_label():
    context = star_rating(7)
    assert context["steps"] == 7
    assert context["label"] == "3.5 out of 5 stars"
    assert star_rating(None) == {"rating": None}
    assert star_rating(10)["label"] == "5 out of 5 stars"


@pytest.mark.parametrize(
    "rating, number, steps",
    [
        (7, "3.5", 7),  # a member's rating: exact
        (8, "4", 8),
        (6.5, "3.3", 7),  # an average: the film page's figure, stars to the half
        (6.6, "3.3", 7),
        (7.3, "3.7", 7),
        (8.0, "4", 8),
    ],
)
def test_the_number_beside_the_stars_is_the_one_the_film_page_gives(
    rating, number, steps
):
    # Cards said "3.5" for an average the film page called 3.3.
    context = star_rating(rating)
    assert (context["number"], context["steps"]) == (number, steps)
    assert context["label"] == f"{number} out of 5 stars"
    if "." in number:  # what the film page prints
        assert average_out_of_five(rating) == floatformat(rating / 2, 1) == number


@pytest.mark.parametrize(
    "minutes, text", [(None, ""), (45, "45 min"), (120, "2 h"), (136, "2 h 16 min")]
)
def test_runtime(minutes, text):
    assert runtime(minutes) == text


def test_text_helpers():
    assert out_of_five(6.6) == pytest.approx(3.3)
