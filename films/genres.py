"""Genres from TMDB, reconciled with the ones already here.

A TMDB genre is matched by its TMDB id, then by name (in any case) or slug,
so a genre an editor entered by hand becomes TMDB's rather than clashing with
it on the unique name or slug.
"""

from django.db.models import F, Q

from filmtracker.slugs import slug_from

from .models import BASE_LANGUAGE, TRANSLATION_LANGUAGES, Genre, GenreTranslation
from .tmdb import DEFAULT_LANGUAGE


def genre_names_english(*, client, movie):
    """English names for genres new to the site (details may be in Russian).

    Asked before the import's transaction so no lock waits on this call.
    """
    ids = {g.tmdb_id for g in movie.genres}
    known = set(Genre.objects.filter(tmdb_id__in=ids).values_list("tmdb_id", flat=True))
    if ids <= known:
        return {}
    return {g.tmdb_id: g.name for g in client.genres(language=DEFAULT_LANGUAGE)}


def genres_for_tmdb(genres, *, names):
    """The Genre rows for a film's TMDB genres (a list of TMDBGenre), in order.

    `names` ({tmdb_id: English name}) names genres new to the site. Creates
    or adopts rows as needed; call inside the import's transaction.
    """
    found = {
        g.tmdb_id: g
        for g in Genre.objects.filter(tmdb_id__in=[g.tmdb_id for g in genres])
    }
    # Rows shared between films are written in tmdb_id order, genres before
    # people, so parallel imports of different films cannot deadlock.
    for item in sorted(genres, key=lambda g: g.tmdb_id):
        if item.tmdb_id in found:
            continue  # existing genres keep their (editable) names
        name = (names.get(item.tmdb_id) or item.name or f"Genre {item.tmdb_id}")[:100]
        found[item.tmdb_id] = _genre_adopt_or_create(tmdb_id=item.tmdb_id, name=name)
    return [found[g.tmdb_id] for g in genres]


def genre_translations_add(genres, *, movies):
    """Each language's genre names from its TMDB record, for genres without one.

    `genres` are the rows genres_for_tmdb gave for the English record's
    genres (same order: a TMDB genre may be served by a namesake with another
    TMDB id); `movies` is {site language: TMDBMovie}. Names already there
    stay: editors may have changed them.
    """
    english = movies[BASE_LANGUAGE].genres
    rows = {item.tmdb_id: genre for item, genre in zip(english, genres, strict=True)}
    english_names = {item.tmdb_id: item.name for item in english}
    for language, movie in movies.items():
        if language == BASE_LANGUAGE or language not in dict(TRANSLATION_LANGUAGES):
            continue
        names = {}
        for item in movie.genres:
            genre = rows.get(item.tmdb_id)
            if genre and item.name and item.name != english_names.get(item.tmdb_id):
                names.setdefault(genre.pk, item.name[:100])
        have = set(
            GenreTranslation.objects.filter(
                genre__in=names, language=language
            ).values_list("genre_id", flat=True)
        )
        for genre_id in sorted(set(names) - have):  # a fixed order, as above
            GenreTranslation.objects.get_or_create(
                genre_id=genre_id, language=language, defaults={"name": names[genre_id]}
            )


def _genre_adopt_or_create(*, tmdb_id, name):
    """The genre for a TMDB genre new to us: by name or slug, else a new one.

    Name (in any case) and slug are each unique, so a genre an editor entered
    as "Film Noir" *is* TMDB's "Film-Noir" (same slug): it takes the TMDB id
    and keeps its name. A namesake already tied to another TMDB id stays as
    it is and serves this one too (one "Drama" on the site, not two).
    """
    slug = slug_from(name, max_length=100, fallback=f"genre-{tmdb_id}")
    same = (
        Genre.objects.filter(Q(name__iexact=name) | Q(slug=slug))
        .order_by(F("tmdb_id").asc(nulls_first=True), "pk")
        .first()
    )
    if same is None:
        # get_or_create: a parallel import may be adding the same genre.
        genre, _ = Genre.objects.get_or_create(
            tmdb_id=tmdb_id, defaults={"name": name, "slug": slug}
        )
        return genre
    if same.tmdb_id is None:
        same.tmdb_id = tmdb_id
        same.save(update_fields=["tmdb_id"])
    return same
