"""What a change to a list makes stale: its owner's list pages and its films'.

One version key per member (films/cache.py's mechanism) covers every page
built from that member's lists: their lists index, each list's page and the
"Featured list" blocks showing one. A film page's "In N public lists" is part
of the film's own cached page, so entries added or removed, and lists renamed,
deleted or made private, bump the films they hold too.
"""

from films.cache import films_changed, versions_changed

MEMBER_LISTS_KEY = "ft:member-lists-version:{}"


def member_lists_key(owner_id):
    return MEMBER_LISTS_KEY.format(owner_id)


def lists_changed(*, owner_id, film_ids=()):
    """Invalidate `owner_id`'s list pages and the pages of `film_ids`."""
    versions_changed([member_lists_key(owner_id)])
    if film_ids:
        films_changed(film_ids=list(film_ids))
