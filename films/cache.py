"""Version keys for cached pages: what a change to a film or a rating invalidates.

Each film has a version token in the cache; so does the catalogue as a whole
(which films exist and what they are called, i.e. what a search can match).
A cached page records the versions of the films it shows; bumping a version
makes exactly the pages that show that film stale, nothing else. Tokens are
random, so an evicted version key only costs a cache miss, never a stale hit.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

FILM_KEY = "ft:film-version:{}"
CATALOGUE_KEY = "ft:catalogue-version"
# Version keys outlive the pages keyed on them; pages expire on their own.
VERSION_TIMEOUT = 60 * 60 * 24 * 7


def _token():
    return uuid.uuid4().hex[:16]


def film_versions(*, film_ids):
    """{film_id: version} for these films, creating versions that are missing."""
    keys = {FILM_KEY.format(pk): pk for pk in film_ids}
    return {keys[key]: value for key, value in versions(list(keys)).items()}


def versions(keys):
    """{key: version} for these version keys, creating the missing ones."""
    found = cache.get_many(keys)
    missing = {key: _token() for key in keys if key not in found}
    if missing:
        cache.set_many(missing, VERSION_TIMEOUT)
        found.update(missing)
    return found


def global_version(key):
    """The current token of a site-wide version key (such as CATALOGUE_KEY)."""
    version = cache.get(key)
    if version is None:
        version = _token()
        cache.add(key, version, VERSION_TIMEOUT)  # another process may win
        version = cache.get(key, version)
    return version


def versions_changed(keys):
    """Give these version keys new tokens, now and when the transaction commits.

    Bumped at once and again on commit: a page rendered from the old rows
    during the transaction cannot stay cached under the new version.
    """
    if not keys:
        return
    _bump(keys)
    transaction.on_commit(lambda: _bump(keys))


def _bump(keys):
    cache.set_many({key: _token() for key in keys}, VERSION_TIMEOUT)


def films_changed(*, film_ids, catalogue=False):
    """Invalidate pages showing these films (and searches, if `catalogue`)."""
    keys = [FILM_KEY.format(pk) for pk in film_ids]
    if catalogue:
        keys.append(CATALOGUE_KEY)
    versions_changed(keys)


def lookup(key, *, global_keys=()):
    """The entry under `key` if still valid (else None), and the versions seen.

    One round trip for the entry and the versions in `global_keys` (site-wide
    ones, or the reader's own, known before the entry is read), one for the
    versions of its films and of the other keys it was stored with. The
    versions seen are what a rebuild stores (`store`): read *before*
    building, so a change during the build is not stored as current.
    """
    found = cache.get_many([key, *global_keys])
    seen = {name: found.get(name) or global_version(name) for name in global_keys}
    entry = found.get(key)
    if entry is None or any(
        found.get(name) != version for name, version in entry["globals"].items()
    ):
        return None, seen
    expected = {
        **{FILM_KEY.format(pk): v for pk, v in entry["films"].items()},
        **entry.get("keys", {}),
    }
    if expected and versions(list(expected)) != expected:
        return None, seen
    return entry, seen


def store(key, *, value, film_ids, globals_seen, timeout, version_keys=()):
    """Store `value` with the versions it was built from.

    `globals_seen` are the versions `lookup` read before building (site-wide
    ones and the reader's own). Film versions and those of `version_keys`
    (such as the members whose entries the page shows, accounts/cache.py) are
    read after, which leaves a window of one render for a stale entry; the
    timeout bounds it.
    """
    entry = {
        "value": value,
        "globals": globals_seen,
        "films": film_versions(film_ids=film_ids),
        "keys": versions(list(version_keys)) if version_keys else {},
    }
    cache.set(key, entry, timeout)


def film_cached(*, key, build, catalogue=False, global_keys=(), timeout=60 * 10):
    """`build()` -> (value, film_ids), cached until one of those films changes.

    With `catalogue=True` the entry also goes when any film is added, removed
    or edited (for lists whose membership or order depends on that), and when
    any of `global_keys` (more site-wide version keys) is bumped.
    """
    global_keys = [*([CATALOGUE_KEY] if catalogue else []), *global_keys]
    entry, seen = lookup(key, global_keys=global_keys)
    if entry is not None:
        return entry["value"]
    value, film_ids = build()
    store(key, value=value, film_ids=film_ids, globals_seen=seen, timeout=timeout)
    return value
