"""Read-side queries for members' ratings and reviews."""

from django.db.models import Case, Count, IntegerField, Value, When

from films.models import with_translation
from films.selectors import poster_prefetch

from .models import UserFilm


def userfilm_list_queryset():
    """Entries of active members, with member and film, newest first."""
    return with_translation(
        UserFilm.objects.filter(user__is_active=True)
        .select_related("user", "film")
        .order_by("-updated_at", "-pk"),
        "film__translations",
    )


# The order of the groups on a profile: what the member is busy with first.
STATUS_ORDER = [
    UserFilm.Status.WATCHING,
    UserFilm.Status.WATCHED,
    UserFilm.Status.WANT,
    UserFilm.Status.DROPPED,
]


def userfilm_status_counts(*, user):
    """[(status, label, count)] for every status, in profile order; one query."""
    counts = dict(
        UserFilm.objects.filter(user=user)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return [(s.value, s.label, counts.get(s.value, 0)) for s in STATUS_ORDER]


def userfilms_for_profile(*, user, status=None):
    """A member's films grouped by status (profile order), newest first in each.

    Film and poster (with its renditions) come along, so listing them costs
    the same few queries however many films there are.
    """
    rows = UserFilm.objects.filter(user=user)
    if status:
        rows = rows.filter(status=status)
    group = Case(
        *[When(status=s, then=Value(i)) for i, s in enumerate(STATUS_ORDER)],
        output_field=IntegerField(),
    )
    return with_translation(
        rows.select_related("film")
        .prefetch_related(poster_prefetch("film__poster"))
        .annotate(group=group)
        .order_by("group", "-updated_at", "-pk"),
        "film__translations",
    )
