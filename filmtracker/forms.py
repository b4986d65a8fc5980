"""Site-wide form rendering tweaks for django-bootstrap5."""

from django_bootstrap5.renderers import FieldRenderer as BaseFieldRenderer


class FieldRenderer(BaseFieldRenderer):
    """Mark fields with errors only.

    django-bootstrap5 paints every field of a submitted form green
    ("is-valid"); after a search or a failed save that is noise, and it can
    read as "this value was accepted and saved" when nothing was.
    """

    def get_server_side_validation_classes(self):
        return "is-invalid" if self.field_errors else ""
