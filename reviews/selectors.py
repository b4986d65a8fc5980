"""Read-side queries for members' ratings and reviews, and the numbers about them.

`films/` knows nothing of ratings: the numbers a film page, a card, the API or
the admin show (average, counts, histogram, the damped ranking score) are
annotated here on a Film queryset the caller gives, computed from the rows at
read time.
"""

from django.db import models
from django.db.models import (
    Avg,
    Case,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from films.models import Film, with_translation
from films.selectors import poster_prefetch

from .models import RATING_MAX, RATING_MIN, UserFilm, Viewing

REVIEWS_PAGE_SIZE = 10

# The damped ("Bayesian") average that ranks films: each film's ratings count
# together with RANKING_PRIOR_WEIGHT imaginary ratings of RANKING_PRIOR_MEAN,
# and a film needs RANKING_MIN_RATINGS real ones to be ranked at all. One 5★
# rating then does not beat forty 4½★ ones. Ratings are on the 1-10 scale.
RANKING_MIN_RATINGS = 3
RANKING_PRIOR_WEIGHT = 10
RANKING_PRIOR_MEAN = 5.5
# `?ordering=` names these annotations add to films.selectors.FILM_ORDERINGS.
MEMBER_ORDERINGS = {"average": "ranking_score"}


def damped_average(average, count):
    """The ranking score (1-10) as an expression over an average and a count."""
    return ExpressionWrapper(
        (Value(RANKING_PRIOR_WEIGHT * RANKING_PRIOR_MEAN) + average * count)
        / (Value(float(RANKING_PRIOR_WEIGHT)) + count),
        output_field=models.FloatField(),
    )


def with_member_numbers(films):
    """`films` (a Film queryset) annotated with the members' numbers.

    `average_rating` (1-10, float, None without ratings), `rating_count`,
    `watch_count` (members with status watched; 0 without rows),
    `viewing_count` (logged viewings, rewatches included) and `ranking_score`
    (the damped average, None under RANKING_MIN_RATINGS ratings), all in the
    same query.

    Correlated subqueries rather than JOIN + GROUP BY: with a LIMIT,
    PostgreSQL works them out for the rows on the page only, where a grouped
    join aggregates every rating of every film before it can sort (1.8 s
    against 9 ms for the 12 newest of 50,000 films with 200,000 ratings,
    measured by `make bench`'s data).
    """
    rows = UserFilm.objects.filter(film=OuterRef("pk")).order_by().values("film")
    rated = rows.filter(rating__isnull=False)

    def aggregate(queryset, function):
        return Subquery(queryset.annotate(v=function).values("v")[:1])

    return films.annotate(
        average_rating=Subquery(
            rated.annotate(v=Avg("rating")).values("v")[:1],
            output_field=models.FloatField(),
        ),
        rating_count=Coalesce(aggregate(rated, Count("pk")), 0),
        watch_count=Coalesce(
            aggregate(rows.filter(status=UserFilm.Status.WATCHED), Count("pk")), 0
        ),
        viewing_count=Coalesce(
            aggregate(
                Viewing.objects.filter(film=OuterRef("pk")).order_by().values("film"),
                Count("pk"),
            ),
            0,
        ),
    ).annotate(
        ranking_score=Case(
            When(
                rating_count__gte=RANKING_MIN_RATINGS,
                then=damped_average(F("average_rating"), F("rating_count")),
            ),
            default=None,
            output_field=models.FloatField(),
        )
    )


def film_rating_counts(film_ids):
    """{film id: how many members rated it} for `film_ids`, in one grouped query.

    The same count as with_member_numbers()' `rating_count`; films without a
    rating are left out (0).
    """
    rated = UserFilm.objects.filter(film_id__in=film_ids, rating__isnull=False)
    counts = rated.order_by().values_list("film_id").annotate(n=Count("pk"))
    return dict(counts.values_list("film_id", "n"))


def film_rating_histogram(*, film):
    """How many members gave each half-star rating, in one grouped query.

    Returns ten buckets, ½★ to 5★, each `{"rating", "stars", "count",
    "percent"}` where `percent` is relative to the biggest bucket (for the bar
    heights) and rounded to a multiple of 5 (the CSS has a class per step).
    """
    counts = dict(
        UserFilm.objects.filter(film=film, rating__isnull=False)
        .order_by()
        .values_list("rating")
        .annotate(n=Count("pk"))
        .values_list("rating", "n")
    )
    peak = max(counts.values(), default=0)
    buckets = []
    for rating in range(RATING_MIN, RATING_MAX + 1):
        count = counts.get(rating, 0)
        percent = round(count * 20 / peak) * 5 if peak else 0
        buckets.append(
            {"rating": rating, "stars": rating / 2, "count": count, "percent": percent}
        )
    return buckets


def film_reviews_queryset(*, film):
    """Members' reviews of a film (entries with a comment), newest first."""
    return (
        UserFilm.objects.filter(film=film, user__is_active=True)
        .exclude(comment="")
        .select_related("user")
        .order_by("-updated_at", "-pk")
    )


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
    """A member's films grouped by status (profile order), in a stable order.

    Watched films come by their latest viewing date, newest first (the entry's
    own watch date without a logged viewing, then those with no date at all);
    within that, and in the other groups, the last changed first, then the
    newest entry. Each row has `last_watched` (a date or None). Film and
    poster (with its renditions) come along, so listing them costs the same
    few queries however many films there are.
    """
    rows = UserFilm.objects.filter(user=user)
    if status:
        rows = rows.filter(status=status)
    group = Case(
        *[When(status=s, then=Value(i)) for i, s in enumerate(STATUS_ORDER)],
        output_field=IntegerField(),
    )
    latest_viewing = (
        Viewing.objects.filter(user=OuterRef("user"), film=OuterRef("film"))
        .order_by("-watched_on")
        .values("watched_on")[:1]
    )
    last_watched = Coalesce(Subquery(latest_viewing), F("watched_on"))
    watched_key = Case(
        When(status=UserFilm.Status.WATCHED, then=F("last_watched")),
        default=None,
        output_field=models.DateField(),
    )
    return with_translation(
        rows.select_related("film")
        .prefetch_related(poster_prefetch("film__poster"))
        .annotate(group=group, last_watched=last_watched)
        .order_by(
            "group",
            watched_key.desc(nulls_last=True),
            "-updated_at",
            "-pk",
        ),
        "film__translations",
    )


def film_member_numbers(*, film_id):
    """with_member_numbers()' values for one film, a dict: `average_rating`
    (1-10 float or None), `rating_count`, `watch_count`, `viewing_count`;
    one query. What a one-click control sends back to update the page."""
    return with_member_numbers(Film.objects.filter(pk=film_id)).values(
        "average_rating", "rating_count", "watch_count", "viewing_count"
    )[0]


def own_entries(*, user, film_ids):
    """{film id: `user`'s UserFilm} for those of `film_ids` they have; one query."""
    rows = UserFilm.objects.filter(user=user, film_id__in=film_ids)
    return {row.film_id: row for row in rows}
