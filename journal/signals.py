"""Publishing an article changes the "In the journal" section of its films."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ReferenceIndex
from wagtail.signals import page_published, page_unpublished

from films.cache import films_changed
from films.models import Film

from .models import ArticlePage


def _article_changed(sender, instance, **kwargs):
    film_type = ContentType.objects.get_for_model(Film)
    film_ids = (
        ReferenceIndex.get_references_for_object(instance)
        .filter(to_content_type=film_type)
        .values_list("to_object_id", flat=True)
    )
    films_changed(film_ids={int(pk) for pk in film_ids})


def connect():
    signals = (("published", page_published), ("unpublished", page_unpublished))
    for name, signal in signals:
        signal.connect(
            _article_changed, sender=ArticlePage, dispatch_uid=f"journal.{name}"
        )
