"""Read-side queries for members' ratings and reviews."""

from .models import UserFilm


def userfilm_list_queryset():
    """Entries of active members, with member and film, newest first."""
    return (
        UserFilm.objects.filter(user__is_active=True)
        .select_related("user", "film")
        .order_by("-updated_at", "-pk")
    )
