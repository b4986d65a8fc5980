"""Poster images: storing poster bytes as Wagtail images, and placeholders."""

import hashlib
import logging
import re
import textwrap
from io import BytesIO

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from filmtracker.slugs import filename_from

from .fonts import PLACEHOLDER_FONT

log = logging.getLogger(__name__)

POSTER_SIZE = (400, 600)


def _picture(formats, sizes):
    # The filter specs `{% picture img format-{a,b} fill-{x,y} %}` expands to.
    return tuple(f"format-{f}|fill-{s}" for f in formats for s in sizes)


# Every rendition the site asks for, made right after an import (and by
# `manage.py warm_renditions`) so that no page view has to make one. Keep in
# step with the templates' {% picture %}/{% image %} tags and the API.
# The poster sizes the API offers, by name.
API_POSTER_RENDITIONS = {"small": "fill-300x450", "large": "fill-400x600"}
POSTER_RENDITIONS = (
    *API_POSTER_RENDITIONS.values(),
    "fill-40x60",  # admin list
    *_picture(("webp", "jpeg"), ("200x300", "400x600")),  # film cards
    *_picture(("avif", "webp", "jpeg"), ("300x450", "500x750")),  # film page
    *_picture(("webp", "jpeg"), ("80x120", "160x240")),  # profile, rating form
)
POSTER_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


class InvalidPoster(ValueError):
    """Bytes that are not a poster we can store (not an image, too big...)."""


def poster_image_create(*, title, content, filename):
    """Save poster bytes as a Wagtail image (renditions come from Wagtail)."""
    image = get_image_model()(title=title[:255])
    image.file = ImageFile(BytesIO(content), name=filename)
    image.save()
    return image


# Scripts the font covers (Latin, Greek, Cyrillic); a title in any other
# (Japanese, Korean, Persian...) is left off rather than drawn as boxes.
_FONT_COVERS = re.compile(r"[\u0020-\u052f\u2010-\u2027]+")


def _font(size):
    return ImageFont.truetype(str(PLACEHOLDER_FONT), size=size)


def placeholder_poster_bytes(*, title, year=None, original_title=""):
    """A generated JPEG poster, plainly marked as a placeholder (no network).

    Shows `title`, then `original_title` when it differs and is in a script
    the bundled font covers.
    """
    digest = hashlib.sha256(title.encode()).digest()
    top, bottom = digest[:3], digest[3:6]
    width, height = POSTER_SIZE
    canvas = PILImage.new("RGB", POSTER_SIZE)
    draw = ImageDraw.Draw(canvas)
    for y in range(height):
        t = y / height
        colour = tuple(
            int(a * (1 - t) * 0.8 + b * t * 0.35)
            for a, b in zip(top, bottom, strict=True)
        )
        draw.line([(0, y), (width, y)], fill=colour)
    title_font, small_font = _font(32), _font(20)
    y = 150
    for line in textwrap.wrap(title, width=18)[:6]:
        draw.text((width / 2, y), line, font=title_font, fill="white", anchor="mm")
        y += 42
    shows_original = original_title and original_title != title
    if shows_original and _FONT_COVERS.fullmatch(original_title):
        for line in textwrap.wrap(original_title, width=28)[:3]:
            draw.text(
                (width / 2, y + 4), line, font=small_font, fill="#eeeeee", anchor="mm"
            )
            y += 28
    if year:
        draw.text(
            (width / 2, y + 20), str(year), font=small_font, fill="#dddddd", anchor="mm"
        )
    draw.rectangle([(0, height - 48), (width, height)], fill=(0, 0, 0))
    draw.text(
        (width / 2, height - 24),
        "PLACEHOLDER POSTER",
        font=small_font,
        fill="#ffcc00",
        anchor="mm",
    )
    buffer = BytesIO()
    canvas.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def poster_check(content):
    """The file extension for poster bytes, or InvalidPoster saying what is wrong."""
    if len(content) > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
        raise InvalidPoster(f"the image is too large ({len(content)} bytes)")
    try:
        with PILImage.open(BytesIO(content)) as image:
            image_format, (width, height) = image.format, image.size
            image.verify()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as e:
        raise InvalidPoster(f"the bytes are not a readable image ({e})") from e
    if image_format not in POSTER_FORMATS:
        raise InvalidPoster(f"unsupported image format {image_format}")
    if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
        raise InvalidPoster(f"the image is too large ({width}x{height})")
    return POSTER_FORMATS[image_format]


def poster_image_from_tmdb(*, title, tmdb_id, content):
    """Check TMDB poster bytes and store them as a Wagtail image."""
    extension = poster_check(content)
    return poster_image_create(
        title=f"{title} (poster)",
        content=content,
        # Readable in any script, like the film's address: spirited-away-129.jpg
        filename=filename_from(
            f"{title} {tmdb_id}", extension=extension, fallback=f"poster-{tmdb_id}"
        ),
    )


def poster_image_discard(image):
    """Delete an image that never became a poster, file included, right now."""
    image.file.storage.delete(image.file.name)
    image.delete()


def poster_renditions_create(image):
    image.get_renditions(*POSTER_RENDITIONS)


def poster_image_delete_if_unused(image, *, replaced_on):
    """Delete a replaced poster unless anything but `replaced_on` still uses it."""
    from .models import Film

    if Film.objects.filter(poster=image).exists():
        return False
    others = ReferenceIndex.get_references_to(image).exclude(
        base_content_type=ContentType.objects.get_for_model(Film),
        object_id=str(replaced_on.pk),
    )
    if others.exists():
        return False
    log.info("Deleting replaced poster image %s", image.pk)
    image.delete()
    return True
