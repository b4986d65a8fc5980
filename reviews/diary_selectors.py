"""Reads for the diary: members' viewings, with rewatches marked."""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import TruncMonth

from films.models import with_translation
from films.selectors import poster_prefetch

from .models import Viewing

DIARY_PAGE_SIZE = 30
# Bumped by every viewing written or removed and every member saved (name,
# active flag): the version of everyone's viewings (reviews/invalidation.py),
# under which the diary API keeps its lists.
VIEWINGS_KEY = "ft:viewings-version"


def with_rewatch(viewings):
    """`viewings` (a Viewing queryset) annotated with `rewatch` (bool).

    A rewatch is any viewing but the member's first of the film: first by
    date, then by id for two on the same day.
    """
    earlier = Viewing.objects.filter(
        user=OuterRef("user"), film=OuterRef("film")
    ).filter(
        Q(watched_on__lt=OuterRef("watched_on"))
        | Q(watched_on=OuterRef("watched_on"), pk__lt=OuterRef("pk"))
    )
    return viewings.annotate(rewatch=Exists(earlier))


def viewing_list_queryset():
    """Viewings of active members with member, film and rewatch; newest first."""
    return with_translation(
        with_rewatch(Viewing.objects.filter(user__is_active=True))
        .select_related("user", "film")
        .order_by("-watched_on", "-pk"),
        "film__translations",
    )


def film_viewings_of_member(*, user, film_id):
    """`user`'s viewings of one film with `rewatch`, newest first (a list)."""
    return list(
        with_rewatch(Viewing.objects.filter(user=user, film_id=film_id)).order_by(
            "-watched_on", "-pk"
        )
    )


def diary_queryset(*, user, year=None):
    """A member's diary: their viewings newest first, with film, poster, rewatch.

    Each viewing also has `month` (the first day of its month, a date), to
    group by.
    `year` (int) keeps only that calendar year's viewings. The poster and its
    renditions come along, so a page costs the same queries however long.
    """
    rows = Viewing.objects.filter(user=user)
    if year is not None:
        rows = rows.filter(watched_on__year=year)
    return with_translation(
        with_rewatch(rows)
        .annotate(month=TruncMonth("watched_on"))
        .select_related("film")
        .prefetch_related(poster_prefetch("film__poster"))
        .order_by("-watched_on", "-pk"),
        "film__translations",
    )


def diary_years(*, user):
    """The years `user` logged viewings in, newest first (ints); one query."""
    return [
        day.year
        for day in Viewing.objects.filter(user=user).dates(
            "watched_on", "year", order="DESC"
        )
    ]
