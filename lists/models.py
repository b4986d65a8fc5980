"""Members' own ordered film lists ("Best of 2024", a ranked top 10).

A List belongs to one member; its entries are films at positions 1..N with
no gap and no repeat (the two unique constraints; lists/services.py keeps
them contiguous). Who may see a list is decided in lists/selectors.py only.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from films.models import Film

TITLE_MAX_LENGTH = 200
SLUG_MAX_LENGTH = 100
DESCRIPTION_MAX_LENGTH = 5000
NOTE_MAX_LENGTH = 500
MAX_ENTRIES = 5000  # films in one list
MAX_LISTS = 200  # lists of one member


class List(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        UNLISTED = "unlisted", _("Unlisted (only people with the link)")
        PRIVATE = "private", _("Private (only you)")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="film_lists"
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    # Set once from the title, unique per owner: shared links keep working
    # when the title changes.
    slug = models.SlugField(_("slug"), max_length=SLUG_MAX_LENGTH, allow_unicode=False)
    description = models.TextField(
        _("description"), blank=True, max_length=DESCRIPTION_MAX_LENGTH
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    ranked = models.BooleanField(
        _("ranked"), default=False, help_text=_("Show the films numbered, in order.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("list")
        verbose_name_plural = _("lists")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "slug"], name="lists_list_slug_per_owner"
            ),
        ]
        indexes = [
            # A member's lists, newest first.
            models.Index(
                fields=["owner", "-updated_at", "-id"], name="lists_list_owner_newest"
            ),
            # Public lists, newest first (API, sitemap, a film's lists).
            models.Index(
                fields=["visibility", "-updated_at", "-id"], name="lists_list_newest"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "lists:detail",
            kwargs={"username": self.owner.username, "slug": self.slug},
        )


class ListEntry(models.Model):
    """One film at one position (1 = first) of a list, with a short note."""

    list = models.ForeignKey(List, on_delete=models.CASCADE, related_name="entries")
    # PROTECT: a film in members' lists cannot vanish from them (as ratings).
    film = models.ForeignKey(
        Film, on_delete=models.PROTECT, related_name="list_entries"
    )
    # Not a PositiveIntegerField: moves park rows at negative positions for a
    # moment so the unique constraint holds after every statement.
    position = models.IntegerField(_("position"))
    note = models.CharField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["list", "position"]
        verbose_name = _("list entry")
        verbose_name_plural = _("list entries")
        constraints = [
            models.UniqueConstraint(
                fields=["list", "film"], name="lists_entry_film_once"
            ),
            models.UniqueConstraint(
                fields=["list", "position"], name="lists_entry_position_once"
            ),
        ]

    def __str__(self):
        return f"{self.list} #{self.position}: {self.film}"
