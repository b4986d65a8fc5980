"""The Wagtail admin's image upload form (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

import copy

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises for a file it cannot read (UnidentifiedImageError is an
# OSError; truncated or inconsistent data gives the others).
UNREADABLE = (OSError, ValueError, EOFError, SyntaxError)


class ImageField(WagtailImageField):
    """Wagtail's, with an unreadable image a form error instead of a 500.

    Wagtail recognises the format from the first bytes only, then asks Pillow
    for the size: a GIF header followed by markup got past the first step and
    crashed the second (UnidentifiedImageError).
    """

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except UNREADABLE as exc:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc


class ImageForm(BaseImageForm):
    # A declared field ignores Meta.widgets: keep Wagtail's file input, whose
    # w-sync attributes fill the title in from the file name.
    file = ImageField(
        label=capfirst(get_image_model()._meta.get_field("file").verbose_name),
        widget=copy.deepcopy(BaseImageForm.Meta.widgets["file"]),
    )
