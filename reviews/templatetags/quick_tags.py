"""{% quick_controls %}: the member's one-click stars, Watched and Watchlist.

Used on film cards (any list of films) and on the film page. A member's own
entries for every film of a grid come in one query ({% quick_prefetch %},
remembered on the request); a card outside a grid looks its film up alone.
"""

from django import template

from accounts.permissions import member_can_review
from reviews.forms import stars_label, stars_value
from reviews.models import RATING_MAX, RATING_MIN, UserFilm
from reviews.selectors import own_entries

register = template.Library()

# Tells an entry looked up and found missing from one never looked up.
_UNKNOWN = object()


def _request(context):
    return getattr(context, "request", None) or context.get("request")


def _memo(request, can_review=_UNKNOWN):
    """Per request: whether the member may rate, and their entries by film id.

    `can_review` is passed where the page already knows it (the film page).
    """
    memo = getattr(request, "_quick_memo", None)
    if memo is None:
        if can_review is _UNKNOWN:
            can_review = member_can_review(request.user)
        memo = {"can_review": can_review, "entries": {}}
        request._quick_memo = memo
    return memo


@register.simple_tag(takes_context=True)
def quick_prefetch(context, films):
    """Load the member's entries for `films` (Films) in one query; renders ""."""
    request = _request(context)
    if request is None or not request.user.is_authenticated:
        return ""
    memo = _memo(request)
    missing = [f.pk for f in films if f.pk not in memo["entries"]]
    if missing and memo["can_review"]:
        found = own_entries(user=request.user, film_ids=missing)
        for film_id in missing:
            memo["entries"][film_id] = found.get(film_id)
    return ""


@register.inclusion_tag("reviews/includes/quick_controls.html", takes_context=True)
def quick_controls(
    context,
    film_id,
    slug,
    title,
    entry=_UNKNOWN,
    page=False,
    card=True,
    can_review=_UNKNOWN,
):
    """The controls for one film (`title` names it to screen readers).

    Anonymous visitors get a sign-in link on cards (`page=False`) and nothing
    on the film page, which says so in its own words; members without a
    verified email get nothing. `card` wraps them in a card footer.
    """
    request = _request(context)
    shown = {
        "film_id": film_id,
        "slug": slug,
        "title": title,
        "page": page,
        "card": card and not page,
    }
    if request is None:
        return {"mode": None}
    if not request.user.is_authenticated:
        return {"mode": None if page else "anonymous", "request": request, **shown}
    memo = _memo(request, can_review)
    if not memo["can_review"]:
        return {"mode": None}
    if entry is _UNKNOWN:
        entry = memo["entries"].get(film_id, _UNKNOWN)
        if entry is _UNKNOWN:
            entry = own_entries(user=request.user, film_ids=[film_id]).get(film_id)
            memo["entries"][film_id] = entry
    rating = entry.rating if entry else None
    status = entry.status if entry else ""
    return {
        "mode": "member",
        "request": request,
        "csrf_token": context.get("csrf_token"),
        **shown,
        "rating": rating,
        "rating_text": stars_value(rating) if rating else "",
        "watched": status == UserFilm.Status.WATCHED,
        "want": status == UserFilm.Status.WANT,
        "stars": [
            {"value": r, "label": stars_label(r), "left": r % 2 == 1}
            for r in range(RATING_MIN, RATING_MAX + 1)
        ],
    }
