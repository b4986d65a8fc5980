"""Each entry's one watch date becomes a viewing (the diary's first rows).

Backwards: each entry's watch date becomes its latest viewing's date again
(kept where it had no viewing), then the viewings go.
"""

from django.db import migrations
from django.db.models import Exists, Max, OuterRef, Subquery

BATCH = 2000


def viewings_from_watched_on(apps, schema_editor):
    UserFilm = apps.get_model("reviews", "UserFilm")
    Viewing = apps.get_model("reviews", "Viewing")
    rows = (
        UserFilm.objects.filter(watched_on__isnull=False)
        .values_list("user_id", "film_id", "watched_on", "rating")
        .order_by("pk")
    )
    batch = []
    for user_id, film_id, watched_on, rating in rows.iterator(chunk_size=BATCH):
        batch.append(
            Viewing(
                user_id=user_id, film_id=film_id, watched_on=watched_on, rating=rating
            )
        )
        if len(batch) >= BATCH:
            Viewing.objects.bulk_create(batch)
            batch = []
    Viewing.objects.bulk_create(batch)


def watched_on_from_viewings(apps, schema_editor):
    UserFilm = apps.get_model("reviews", "UserFilm")
    Viewing = apps.get_model("reviews", "Viewing")
    latest = (
        Viewing.objects.filter(user=OuterRef("user"), film=OuterRef("film"))
        .order_by()
        .values("user")
        .annotate(last=Max("watched_on"))
        .values("last")[:1]
    )
    has_viewing = Viewing.objects.filter(user=OuterRef("user"), film=OuterRef("film"))
    UserFilm.objects.filter(Exists(has_viewing)).update(watched_on=Subquery(latest))
    Viewing.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0003_viewing"),
    ]

    operations = [
        migrations.RunPython(viewings_from_watched_on, watched_on_from_viewings),
    ]
