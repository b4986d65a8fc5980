"""Poster images: storing poster bytes as Wagtail images, and placeholders."""

import hashlib
import textwrap
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

POSTER_SIZE = (400, 600)


def poster_image_create(*, title, content, filename):
    """Save poster bytes as a Wagtail image (renditions come from Wagtail)."""
    image = get_image_model()(title=title[:255])
    image.file = ImageFile(BytesIO(content), name=filename)
    image.save()
    return image


def placeholder_poster_bytes(*, title, year=None):
    """A generated poster, plainly marked as a placeholder (no network)."""
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
    title_font = ImageFont.load_default(size=30)
    small_font = ImageFont.load_default(size=18)
    lines = textwrap.wrap(title, width=16)[:6]
    y = 170
    for line in lines:
        draw.text((width / 2, y), line, font=title_font, fill="white", anchor="mm")
        y += 40
    if year:
        draw.text(
            (width / 2, y + 16), str(year), font=small_font, fill="#dddddd", anchor="mm"
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
