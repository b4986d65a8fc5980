"""Readable addresses for films whose slug came out as only a year or `film`.

The old slug code knew only Cyrillic, so a title in another script (千と千尋の
神隠し, 2001) got `2001`; now it gets its transliteration. Each old slug stays
as a FilmSlug, which redirects to the new one. Unapplying restores the old
slugs of the films this changed.
"""

import re

from django.db import migrations

from films.slugs import film_slug_base, slug_unique, slugs_taken

# What the old code made of a title with nothing it could spell: the year or
# "film", with its "-<n>" counter for the second of the same.
UNREADABLE = re.compile(r"(?:\d{4}|film)(?:-\d+)?")


def films_changed(film_ids):
    # Cached pages and API answers would show the old address until expiry.
    from films.cache import films_changed as bump

    if film_ids:
        bump(film_ids=film_ids, catalogue=True)


def recompute(apps, schema_editor):
    Film = apps.get_model("films", "Film")
    FilmSlug = apps.get_model("films", "FilmSlug")
    changed = []
    for film in Film.objects.order_by("pk").iterator():
        if not UNREADABLE.fullmatch(film.slug):
            continue
        base = film_slug_base(
            title=film.title, original_title=film.original_title, year=film.year
        )
        slug = slug_unique(
            base, taken=slugs_taken(Film, FilmSlug, exclude_film_pk=film.pk)
        )
        if slug == film.slug:
            continue
        FilmSlug.objects.filter(slug=slug).delete()
        FilmSlug.objects.update_or_create(slug=film.slug, defaults={"film": film})
        Film.objects.filter(pk=film.pk).update(slug=slug)
        changed.append(film.pk)
    films_changed(changed)


def restore(apps, schema_editor):
    Film = apps.get_model("films", "Film")
    FilmSlug = apps.get_model("films", "FilmSlug")
    changed = []
    for former in FilmSlug.objects.order_by("-pk").iterator():
        if not UNREADABLE.fullmatch(former.slug):
            continue
        if Film.objects.filter(slug=former.slug).exists():
            continue
        Film.objects.filter(pk=former.film_id).update(slug=former.slug)
        former.delete()
        changed.append(former.film_id)
    films_changed(changed)


class Migration(migrations.Migration):
    dependencies = [("films", "0005_film_slug_history")]

    operations = [migrations.RunPython(recompute, restore)]
