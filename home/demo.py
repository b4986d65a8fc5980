"""The bundled demo catalogue: films, members, ratings and the page tree.

Everything here is idempotent: running it again updates rows in place and
creates nothing twice, so `make run` can call it on every start.
"""

import json
import random
from datetime import date, timedelta
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page
from wagtail.search import index

from films.models import (
    TRANSLATION_LANGUAGES,
    Credit,
    Film,
    FilmTranslation,
    Genre,
    Person,
)
from films.posters import placeholder_poster_bytes, poster_image_create
from reviews.models import UserFilm

from .models import HomePage, StandardPage

CATALOGUE_PATH = (
    Path(__file__).resolve().parent.parent / "films/data/demo_catalogue.json"
)
DEMO_MEMBERS = [
    ("anna", "Anna K."),
    ("boris", "Boris"),
    ("chloe", "Chloé"),
    ("dmitri", "Dmitri"),
    ("emma", "Emma"),
]
DEMO_PASSWORD = "filmtracker-demo"  # noqa: S105 - published demo accounts
FEATURED_COUNT = 6
CAST_SIZE = 5
ABOUT_BODY = (
    "<p>FilmTracker is a self-hosted film site: search films, rate and review "
    "them, and keep track of what you want to watch.</p>"
    "<p>This website uses TMDB and the TMDB APIs but is not endorsed, certified, "
    "or otherwise approved by TMDB.</p>"
)


def load_catalogue(path=CATALOGUE_PATH):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@transaction.atomic
def demo_genres_upsert(genres):
    by_tmdb_id = {}
    for item in genres:
        genre, _ = Genre.objects.update_or_create(
            tmdb_id=item["tmdb_id"], defaults={"name": item["name"]}
        )
        by_tmdb_id[genre.tmdb_id] = genre
    return by_tmdb_id


@transaction.atomic
def demo_film_upsert(item, *, genres):
    release_date = date.fromisoformat(item["release_date"])
    film, _ = Film.objects.update_or_create(
        tmdb_id=item["tmdb_id"],
        defaults={
            "imdb_id": item.get("imdb_id", ""),
            "title": item["title"],
            "original_title": item.get("original_title", ""),
            "original_language": item.get("original_language", ""),
            "release_date": release_date,
            "year": release_date.year,
            "overview": item.get("overview", ""),
            "tagline": item.get("tagline", ""),
            "runtime": item.get("runtime") or None,
            "tmdb_vote_average": item.get("tmdb_vote_average"),
            "tmdb_vote_count": item.get("tmdb_vote_count", 0),
            "popularity": item.get("popularity", 0),
        },
    )
    film.genres.set([genres[g] for g in item.get("genres", []) if g in genres])
    demo_translations_upsert(film, item)
    credits = [(name, Credit.Role.DIRECTOR, "") for name in item.get("directors", [])]
    credits += [
        (c["name"], Credit.Role.CAST, c.get("character", ""))
        for c in item.get("cast", [])[:CAST_SIZE]
    ]
    film.credits.all().delete()
    for order, (name, role, character) in enumerate(credits):
        person = Person.objects.filter(name=name).first() or Person.objects.create(
            name=name
        )
        Credit.objects.get_or_create(
            film=film,
            person=person,
            role=role,
            defaults={"character": character, "order": order},
        )
    if film.poster_id is None:
        film.poster = poster_image_create(
            title=f"{film.title} (placeholder poster)",
            content=placeholder_poster_bytes(title=film.title, year=film.year),
            filename=f"placeholder-{film.slug}.jpg",
        )
        film.save(update_fields=["poster"])
    return film


def demo_translations_upsert(film, item):
    """The catalogue's `<field>_ru` values as the film's Russian translation."""
    for language, _name in TRANSLATION_LANGUAGES:
        fields = {
            name: item.get(f"{name}_{language}", "")
            for name in ("title", "overview", "tagline")
        }
        if any(fields.values()):
            FilmTranslation.objects.update_or_create(
                film=film, language=language, defaults=fields
            )
        else:
            FilmTranslation.objects.filter(film=film, language=language).delete()
    # film.save() indexed the film before its translations existed.
    index.insert_or_update_object(film)


def demo_members_upsert():
    User = get_user_model()
    members = []
    for username, display_name in DEMO_MEMBERS:
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
        members.append(user)
    return members


def demo_ratings_upsert(members, films):
    """Deterministic ratings: the same seed gives the same rows every run."""
    rng = random.Random(2024)  # noqa: S311 - demo data, not security
    comments = [
        "Still holds up.",
        "Beautifully shot, a little long.",
        "One of my favourites.",
        "Not for me, but I see why people love it.",
        "",
        "",
    ]
    for member in members:
        for film in rng.sample(films, k=min(len(films), 18)):
            rating = rng.randint(4, 10)
            UserFilm.objects.get_or_create(
                user=member,
                film=film,
                defaults={
                    "rating": rating,
                    "comment": rng.choice(comments),
                    "status": UserFilm.Status.WATCHED,
                    "watched_on": date(2024, 1, 1)
                    + timedelta(days=rng.randint(0, 600)),
                },
            )


def demo_pages_upsert(featured):
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="FilmTracker", slug="home"))
    if not any(block.block_type == "featured_films" for block in home.body):
        home.body = [
            ("featured_films", {"heading": "Featured films", "films": featured})
        ]
        home.save_revision().publish()
    if not StandardPage.objects.child_of(home).filter(slug="about").exists():
        home.add_child(
            instance=StandardPage(
                title="About FilmTracker",
                slug="about",
                intro="What this site is, and where its data comes from.",
                body=ABOUT_BODY,
            )
        )
    return home


def demo_catalogue_load(*, path=CATALOGUE_PATH, progress=None):
    """Load the bundled catalogue; `progress(i, total, film)` reports each film."""
    data = load_catalogue(path)
    genres = demo_genres_upsert(data["genres"])
    films = []
    total = len(data["films"])
    for i, item in enumerate(data["films"], start=1):
        films.append(demo_film_upsert(item, genres=genres))
        if progress:
            progress(i, total, films[-1])
    members = demo_members_upsert()
    demo_ratings_upsert(members, films)
    featured = sorted(films, key=lambda f: -f.popularity)[:FEATURED_COUNT]
    demo_pages_upsert(featured)
    return {"films": len(films), "members": len(members)}
