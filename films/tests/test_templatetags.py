import pytest

from films.templatetags.film_tags import (
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
    "minutes, text", [(None, ""), (45, "45 min"), (120, "2 h"), (136, "2 h 16 min")]
)
def test_runtime(minutes, text):
    assert runtime(minutes) == text


def test_text_helpers():
    assert out_of_five(6.6) == pytest.approx(3.3)
