"""Reads about a member's account."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from reviews.models import UserFilm


def user_userfilm_count(*, user):
    """How many ratings/reviews/statuses the member has (what deletion removes)."""
    return UserFilm.objects.filter(user=user).count()


def user_public_queryset():
    """Active members with their number of films per status and of ratings."""
    counts = {
        f"{status}_count": Count("userfilms", filter=Q(userfilms__status=status))
        for status in UserFilm.Status.values
    }
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .annotate(**counts, rated_count=Count("userfilms__rating"))
    )
