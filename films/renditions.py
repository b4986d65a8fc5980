"""Poster renditions that listings need, made ahead of any page view.

Wagtail makes a missing rendition during the request that first asks for it
(open the original, resize, write a file, insert a row). Under load that puts
image work on the request path, so imports (films.posters.poster_renditions_create,
after the import commits) and `manage.py warm_renditions` (posters stored
before, or by editors) make them in advance; pages then only read them.
"""

import logging

from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from .posters import POSTER_RENDITIONS

logger = logging.getLogger(__name__)


def poster_renditions_warm(*, images=None, specs=POSTER_RENDITIONS):
    """Create the missing renditions of `images` (default: every poster)."""
    from films.models import Film

    if images is None:
        poster_ids = Film.objects.exclude(poster=None).values("poster_id")
        images = get_image_model().objects.filter(pk__in=poster_ids)
    made = 0
    for image in images.prefetch_renditions(*specs).iterator(chunk_size=200):
        before = len(getattr(image, "prefetched_renditions", ()))
        # A poster whose file is lost is skipped (and logged), not the rest.
        if renditions_or_none(image, *specs) is not None:
            made += max(0, len(specs) - before)
    return made


def renditions_or_none(image, *specs):
    """{spec: rendition} of `image` (a Wagtail image or None), or None.

    None also when the image's original file is lost (a database restored
    without its media, an emptied bucket): Wagtail makes a missing rendition
    from the original and raises SourceImageIOError. The page or answer then
    goes without that picture instead of failing; the warning says which.
    """
    if image is None:
        return None
    try:
        return image.get_renditions(*specs)
    except SourceImageIOError:
        logger.warning("The original file of image %s is missing", image.pk)
        return None


def rendition_or_none(image, spec):
    """`image`'s rendition for `spec`, or None (see renditions_or_none)."""
    renditions = renditions_or_none(image, spec)
    return renditions[spec] if renditions else None
