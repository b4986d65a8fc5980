"""Reads about a member's account."""

from reviews.models import UserFilm


def user_userfilm_count(*, user):
    """How many ratings/reviews/statuses the member has (what deletion removes)."""
    return UserFilm.objects.filter(user=user).count()
