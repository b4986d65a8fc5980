import unicodedata

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .time_zones import TIME_ZONE_MAX_LENGTH, default_time_zone, validate_time_zone


def validate_printable_name(value):
    """Refuse control, format (bidi overrides, zero-width) and unassigned
    characters: they let a name pose as another member's ("Trinity" plus an
    invisible character) or turn the text around it backwards (U+202E)."""
    if any(unicodedata.category(char).startswith("C") for char in value):
        raise ValidationError(
            _("Use letters, digits, punctuation and spaces only."),
            code="unprintable",
        )


class User(AbstractUser):
    """A member of the site. Ratings and reviews hang off this via UserFilm."""

    email = models.EmailField(_("email address"))
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        blank=True,
        validators=[validate_printable_name],
    )
    bio = models.TextField(_("bio"), max_length=500, blank=True)
    # Empty: follow the browser (Accept-Language). Set by the navbar's switch.
    language = models.CharField(
        _("language"), max_length=10, blank=True, choices=settings.LANGUAGES
    )

    # Judges "today" for the dates the member types (accounts/time_zones.py).
    time_zone = models.CharField(
        _("time zone"),
        max_length=TIME_ZONE_MAX_LENGTH,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text=_("Your calendar: what “today” means when you log a film."),
    )

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # Emails are unique whatever their case: Bob@x.org is bob@x.org.
            models.UniqueConstraint(
                Lower("email"), name="accounts_user_email_ci_unique"
            ),
        ]

    def __str__(self):
        return self.username

    @property
    def public_name(self):
        return self.display_name or self.username

    def save(self, *args, **kwargs):
        self.email = self.__class__.objects.normalize_email(self.email)
        super().save(*args, **kwargs)
