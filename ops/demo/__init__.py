"""The bundled demo catalogue: films, members, ratings and the page tree.

Films come in through the same import service as TMDB's (see source.py),
ratings through the reviews services. Running it again updates films in
place, keeps members' existing ratings and creates nothing twice.
"""

import hashlib

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from films.services import film_import_from_tmdb
from ops.models import DemoSeed

from .pages import demo_pages_upsert
from .reviews import demo_ratings_create
from .source import CATALOGUE_PATH, DemoCatalogue, load_catalogue

__all__ = [
    "DEMO_MEMBERS",
    "DEMO_PASSWORD",
    "demo_catalogue_fingerprint",
    "demo_catalogue_load",
    "demo_pages_upsert",
    "load_catalogue",
]

# (username, display name, the language they write reviews in)
DEMO_MEMBERS = [
    ("anna", "Anna K.", "en"),
    ("boris", "Борис", "ru"),
    ("chloe", "Chloé", "en"),
    ("dmitri", "Дмитрий", "ru"),
    ("emma", "Emma", "en"),
]
DEMO_PASSWORD = "filmtracker-demo"  # noqa: S105 - published demo accounts
FEATURED_COUNT = 6
# Bump when the demo's code changes what it writes, so `make run` loads it again.
DEMO_VERSION = "3"


def demo_catalogue_fingerprint(path=CATALOGUE_PATH):
    """Identifies the bundled catalogue and this code's way of loading it."""
    digest = hashlib.sha256(DEMO_VERSION.encode())
    digest.update(path.read_bytes())
    return digest.hexdigest()


def demo_members_upsert():
    """The demo members, verified, as (user, language) pairs."""
    User = get_user_model()
    members = []
    for username, display_name, language in DEMO_MEMBERS:
        email = f"{username}@demo.filmtracker.invalid"
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": email, "display_name": display_name}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        members.append((user, language))
    return members


def demo_catalogue_load(*, path=CATALOGUE_PATH, progress=None):
    """Load the bundled catalogue; `progress(i, total, film)` reports each film.

    Returns {"films": count, "members": count}.
    """
    catalogue = load_catalogue(path)
    source = DemoCatalogue(catalogue)
    films = []
    total = len(catalogue["films"])
    for i, item in enumerate(catalogue["films"], start=1):
        film, _created = film_import_from_tmdb(tmdb_id=item["tmdb_id"], client=source)
        films.append(film)
        if progress:
            progress(i, total, film)
    members = demo_members_upsert()
    demo_ratings_create(members=members, films=films)
    featured = sorted(films, key=lambda f: -f.popularity)[:FEATURED_COUNT]
    demo_pages_upsert(featured)
    DemoSeed.objects.update_or_create(
        pk=1, defaults={"fingerprint": demo_catalogue_fingerprint(path)}
    )
    return {"films": len(films), "members": len(members)}
