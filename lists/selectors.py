"""Read-side queries for lists, and the one place that says who sees which list.

Visibility, for the site, the API, the sitemap, the film page and the
editors' blocks alike:
- public: anyone, everywhere (indexes, a film's lists, the sitemap);
- unlisted: anyone with its address, but never listed anywhere except to
  its owner;
- private: its owner only; to everyone else it does not exist (404).
Lists of deactivated members are nobody's to see.
"""

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Window,
)
from django.db.models.functions import Coalesce

from films.models import with_translation
from films.selectors import poster_prefetch
from reviews.models import UserFilm

from .models import List, ListEntry

LISTS_PAGE_SIZE = 24
ENTRIES_PAGE_SIZE = 100
PREVIEW_POSTERS = 5  # posters shown for each list in an index
FILM_LISTS_SHOWN = 5  # lists named on a film page


def _active(lists):
    return lists.filter(owner__is_active=True)


def _is_member(viewer):
    return viewer is not None and viewer.is_authenticated


def list_public_queryset():
    """Public lists of active members: what indexes, sitemaps and search show."""
    return _active(List.objects.filter(visibility=List.Visibility.PUBLIC))


def list_visible_queryset(*, viewer=None):
    """Lists `viewer` may open by address or id: public and unlisted ones, and
    all of their own (any visibility). Anonymous viewers: None or AnonymousUser.
    """
    shown = Q(visibility__in=[List.Visibility.PUBLIC, List.Visibility.UNLISTED])
    if _is_member(viewer):
        shown |= Q(owner=viewer)
    return _active(List.objects.filter(shown))


def list_listed_queryset(*, viewer=None):
    """Lists `viewer` finds in indexes: public ones, and all of their own."""
    shown = Q(visibility=List.Visibility.PUBLIC)
    if _is_member(viewer):
        shown |= Q(owner=viewer)
    return _active(List.objects.filter(shown))


def with_entry_count(lists):
    """`lists` annotated with `entry_count` (films in each), in the same query."""
    counts = (
        ListEntry.objects.filter(list=OuterRef("pk"))
        .order_by()
        .values("list")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return lists.annotate(
        entry_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0)
    )


def member_lists(*, owner, viewer=None):
    """`owner`'s lists that `viewer` finds listed, newest first, with counts."""
    lists = list_listed_queryset(viewer=viewer).filter(owner=owner)
    return with_entry_count(lists.select_related("owner")).order_by(
        "-updated_at", "-pk"
    )


def attach_previews(lists, *, size=PREVIEW_POSTERS):
    """Give each list of `lists` (a page, a list) `preview`: its first films.

    Positions run 1..N with no gap, so "the first `size` of every list" is
    one query on position, whatever the lists' lengths; posters come along.
    """
    lists = list(lists)
    entries = with_translation(
        ListEntry.objects.filter(list__in=lists, position__lte=size)
        .select_related("film")
        .prefetch_related(poster_prefetch("film__poster"))
        .order_by("list", "position"),
        "film__translations",
    )
    by_list = {}
    for entry in entries:
        by_list.setdefault(entry.list_id, []).append(entry.film)
    for film_list in lists:
        film_list.preview = by_list.get(film_list.pk, [])
    return lists


def list_get(*, owner_username, slug, viewer=None):
    """The list at /users/<owner_username>/lists/<slug>/ if `viewer` may see it.

    Raises List.DoesNotExist otherwise (a private list of someone else too).
    """
    return (
        list_visible_queryset(viewer=viewer)
        .select_related("owner")
        .get(owner__username=owner_username, slug=slug)
    )


def list_entries(*, film_list):
    """The list's entries in order, with film, poster and `owner_rating`.

    `owner_rating` is the list owner's current rating of the film (1-10) or
    None. A page of them costs the same queries at 5 or 5,000 films.
    """
    rating = UserFilm.objects.filter(
        user_id=film_list.owner_id, film=OuterRef("film_id")
    ).values("rating")[:1]
    return with_translation(
        ListEntry.objects.filter(list=film_list)
        .select_related("film")
        .prefetch_related(poster_prefetch("film__poster"))
        .annotate(owner_rating=Subquery(rating, output_field=IntegerField()))
        .order_by("position"),
        "film__translations",
    )


def list_watched_count(*, film_list, viewer):
    """How many of the list's films `viewer` has watched (status or a viewing)."""
    watched = UserFilm.objects.filter(
        user=viewer, film=OuterRef("film_id"), status=UserFilm.Status.WATCHED
    )
    return ListEntry.objects.filter(list=film_list).filter(Exists(watched)).count()


def film_public_lists(*, film, limit=FILM_LISTS_SHOWN):
    """(how many public lists hold `film`, the `limit` newest of them with owners).

    One query: each row carries the total as a window count.
    """
    shown = list(
        list_public_queryset()
        .filter(entries__film=film)
        .select_related("owner")
        .annotate(total=Window(Count("pk")))
        .order_by("-updated_at", "-pk")[:limit]
    )
    return (shown[0].total if shown else 0), shown


def member_lists_for_film(*, member, film):
    """`member`'s lists (all visibilities), each with `has_film` (bool), by title."""
    holds = ListEntry.objects.filter(list=OuterRef("pk"), film=film)
    return list(
        List.objects.filter(owner=member)
        .annotate(has_film=Exists(holds))
        .order_by("title", "pk")
    )
