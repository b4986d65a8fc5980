"""Version keys for what a member's own pages show (films/cache.py's mechanism).

Each member has a version token: pages that show a member's own things (their
entries, viewings, name, verified email, language, time zone) are cached under
it and go stale when it changes. Every write that changes such a thing bumps
it, from signals (accounts/invalidation.py, reviews/invalidation.py), so the
site's forms, the API and the admin invalidate alike. Another app whose rows a
member's pages show (lists, say) calls `members_changed` from its own signal
receivers.

Who may reach the editors' admin (the navbar's "Editors" link) depends on
groups and their permissions, which an editor changes for many members at
once: one site-wide version covers them.
"""

from films.cache import versions_changed

MEMBER_KEY = "ft:member-version:{}"
PERMISSIONS_KEY = "ft:permissions-version"


def member_key(user_id):
    """The version key of one member's own data (a str)."""
    return MEMBER_KEY.format(user_id)


def members_changed(*, user_ids):
    """Invalidate every cached page that shows these members' own data."""
    versions_changed([member_key(pk) for pk in user_ids])


def permissions_changed():
    """Invalidate cached members' pages after a group or permission change."""
    versions_changed([PERMISSIONS_KEY])
