"""TMDB records to our rows: a film's fields, its translations, its credits.

What `films.film_import` writes inside the import's transaction; no TMDB
calls and no transactions of its own.
"""

from decimal import ROUND_HALF_UP, Decimal

from .models import (
    BASE_LANGUAGE,
    TRANSLATION_LANGUAGES,
    Credit,
    FilmTranslation,
    Person,
)

CAST_SIZE = 10


def film_translation_fields_from_tmdb(*, movie, base):
    """FilmTranslation values from `movie` (a translated TMDB record), or None.

    TMDB answers an untranslated title with the original title and an
    untranslated overview with "": such fields stay empty, so the English
    ones show instead.
    """
    title = movie.title
    if title == base.title or (
        title == movie.original_title and title != base.title and not movie.overview
    ):
        title = ""
    fields = {
        "title": title[:255],
        "overview": "" if movie.overview == base.overview else movie.overview,
        "tagline": ("" if movie.tagline == base.tagline else movie.tagline)[:255],
    }
    return fields if any(fields.values()) else None


def film_translations_save(*, film, movies):
    """Store (or remove) `film`'s translations from {language: TMDBMovie}."""
    base = movies[BASE_LANGUAGE]
    for language, movie in movies.items():
        if language == BASE_LANGUAGE or language not in dict(TRANSLATION_LANGUAGES):
            continue
        fields = film_translation_fields_from_tmdb(movie=movie, base=base)
        if fields is None:
            FilmTranslation.objects.filter(film=film, language=language).delete()
        else:
            FilmTranslation.objects.update_or_create(
                film=film, language=language, defaults=fields
            )


def film_fields_from_tmdb(movie):
    """The Film field values TMDB's record gives, fitted to the columns."""
    vote = min(max(Decimal(str(movie.vote_average)), Decimal(0)), Decimal(10))
    runtime = movie.runtime if movie.runtime and movie.runtime < 32768 else None
    return {
        "imdb_id": movie.imdb_id[:12],
        "title": (movie.title or movie.original_title or f"TMDB {movie.tmdb_id}")[:255],
        "original_title": movie.original_title[:255],
        "original_language": movie.original_language,
        "release_date": movie.release_date,
        "year": movie.year,
        "overview": movie.overview,
        "tagline": movie.tagline[:255],
        "runtime": runtime,
        "tmdb_vote_average": vote.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),
        "tmdb_vote_count": max(movie.vote_count, 0),
        "popularity": max(movie.popularity, 0.0),
    }


def _person_key(person):
    # The demo catalogue's people have no TMDB id: their name is their key.
    return person.name[:200] if person.tmdb_id is None else person.tmdb_id


def _people_upsert(people):
    """{_person_key(p): Person} for TMDB people (tmdb_id None: found by name)."""
    found = {}
    for name in sorted({p.name[:200] for p in people if p.tmdb_id is None}):
        found[name] = Person.objects.filter(name=name).order_by(
            "pk"
        ).first() or Person.objects.create(name=name)
    people = [p for p in people if p.tmdb_id is not None]
    found.update(_people_with_ids_upsert(people))
    return found


def _people_with_ids_upsert(people):
    names = {p.tmdb_id: p.name[:200] for p in people}
    found = {p.tmdb_id: p for p in Person.objects.filter(tmdb_id__in=names)}
    for tmdb_id, name in sorted(names.items()):  # see genres_for_tmdb
        person = found.get(tmdb_id)
        if person is None:
            # The demo catalogue (and editors) add people without TMDB ids;
            # adopt such a namesake rather than show the same person twice.
            person = Person.objects.filter(tmdb_id__isnull=True, name=name).first()
            if person is None:
                person, _ = Person.objects.get_or_create(
                    tmdb_id=tmdb_id, defaults={"name": name}
                )
            else:
                person.tmdb_id = tmdb_id
                person.save(update_fields=["tmdb_id"])
            found[tmdb_id] = person
        elif person.name != name:
            person.name = name
            person.save(update_fields=["name"])
    return found


def film_credits_replace(*, film, movie):
    """Replace `film`'s credits: TMDB's directors and first CAST_SIZE cast."""
    cast = movie.cast[:CAST_SIZE]
    people = _people_upsert([*movie.directors, *cast])
    credits = {}
    for order, director in enumerate(movie.directors):
        person = people[_person_key(director)]
        credits[(person.pk, Credit.Role.DIRECTOR)] = Credit(
            film=film, person=person, role=Credit.Role.DIRECTOR, order=order
        )
    for order, member in enumerate(cast):
        person = people[_person_key(member)]
        credit = credits.get((person.pk, Credit.Role.CAST))
        if credit is not None:  # one actor, two parts
            credit.character = f"{credit.character} / {member.character}"[:255]
            continue
        credits[(person.pk, Credit.Role.CAST)] = Credit(
            film=film,
            person=person,
            role=Credit.Role.CAST,
            character=member.character[:255],
            order=order,
        )
    film.credits.all().delete()
    Credit.objects.bulk_create(credits.values())
