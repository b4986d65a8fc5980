"""Poster renditions that listings need, made ahead of any page view.

Wagtail makes a missing rendition during the request that first asks for it
(open the original, resize, write a file, insert a row). Under load that puts
image work on the request path, so imports (films.posters.poster_renditions_create,
after the import commits) and `manage.py warm_renditions` (posters stored
before, or by editors) make them in advance; pages then only read them.
"""

from wagtail.images import get_image_model

from .posters import POSTER_RENDITIONS


def poster_renditions_warm(*, images=None, specs=POSTER_RENDITIONS):
    """Create the missing renditions of `images` (default: every poster)."""
    from films.models import Film

    if images is None:
        poster_ids = Film.objects.exclude(poster=None).values("poster_id")
        images = get_image_model().objects.filter(pk__in=poster_ids)
    made = 0
    for image in images.prefetch_renditions(*specs).iterator(chunk_size=200):
        before = len(getattr(image, "prefetched_renditions", ()))
        image.get_renditions(*specs)
        made += max(0, len(specs) - before)
    return made
