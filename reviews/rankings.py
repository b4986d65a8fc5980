"""Site-wide rankings that need every rating: computed once, then cached.

"Best rated" orders all films with enough ratings by their damped average
(reviews/selectors.py: RANKING_MIN_RATINGS, RANKING_PRIOR_WEIGHT,
RANKING_PRIOR_MEAN), so it has to aggregate every rating (200,000 in the
benchmark: about 0.7 s on a busy machine). The ranking (which films, in which
order) is cached for a few minutes; the numbers shown next to each film are
always computed fresh (`with_member_numbers()`), so a new rating never shows a
stale average, it can only move a film a little late.
"""

from django.core.cache import cache
from django.db.models import Avg, Count, F

from .models import UserFilm
from .selectors import RANKING_MIN_RATINGS, damped_average

TOP_RATED_KEY = "ft:top-rated:{}"
TOP_RATED_TIMEOUT = 60 * 5


def film_top_rated_ids(*, limit):
    """Ids of the `limit` best-rated films (damped average, then more ratings)."""
    key = TOP_RATED_KEY.format(limit)
    ids = cache.get(key)
    if ids is None:
        ids = list(
            UserFilm.objects.filter(rating__isnull=False)
            .values("film")
            .annotate(average=Avg("rating"), count=Count("rating"))
            .filter(count__gte=RANKING_MIN_RATINGS)
            .annotate(score=damped_average(F("average"), F("count")))
            .order_by("-score", "-count", "film__title", "film")
            .values_list("film", flat=True)[:limit]
        )
        cache.set(key, ids, TOP_RATED_TIMEOUT)
    return ids


def in_order(films, ids):
    """`films` (any iterable of Film) sorted as `ids` lists them."""
    position = {pk: i for i, pk in enumerate(ids)}
    return sorted(films, key=lambda film: position[film.pk])
