from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from films.models import Film

RATING_MIN, RATING_MAX = 1, 10  # half stars: 1 = ½★, 10 = 5★
COMMENT_MAX_LENGTH = 5000


class UserFilm(models.Model):
    """One member's relation to one film: status, rating and review."""

    class Status(models.TextChoices):
        WANT = "want", _("Want to watch")
        WATCHING = "watching", _("Watching")
        WATCHED = "watched", _("Watched")
        DROPPED = "dropped", _("Dropped")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="userfilms"
    )
    # PROTECT: a film that members rated cannot vanish with their reviews.
    film = models.ForeignKey(Film, on_delete=models.PROTECT, related_name="userfilms")
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        help_text=_("1-10, shown as ½ to 5 stars."),
    )
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)
    # A rating or comment without a status means the member watched the film.
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WATCHED
    )
    watched_on = models.DateField(_("watched on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("rating and review")
        verbose_name_plural = _("ratings and reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "film"], name="reviews_userfilm_one_per_member"
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True)
                | models.Q(rating__gte=RATING_MIN, rating__lte=RATING_MAX),
                name="reviews_userfilm_rating_range",
            ),
        ]
        indexes = [
            models.Index(fields=["film", "-updated_at"]),
            models.Index(fields=["user", "status"]),
            # Newest first: the reviews API list, and one member's list.
            models.Index(fields=["-updated_at", "-id"], name="reviews_uf_newest"),
            models.Index(
                fields=["user", "-updated_at", "-id"], name="reviews_uf_user_newest"
            ),
            # Averages and counts per film read only this index (index-only scan).
            models.Index(fields=["film", "rating"], name="reviews_uf_film_rating"),
        ]

    def __str__(self):
        return f"{self.user} – {self.film}"

    @property
    def stars(self):
        return None if self.rating is None else self.rating / 2


NOTE_MAX_LENGTH = 500


class Viewing(models.Model):
    """One time a member watched a film, on a date of their own calendar.

    Whether it was a rewatch is not stored: it is "not the member's first
    viewing of the film" (by date, then id), annotated by
    reviews.selectors.with_rewatch(), so deleting or back-dating a viewing
    can never leave a stale mark.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="viewings"
    )
    film = models.ForeignKey(Film, on_delete=models.PROTECT, related_name="viewings")
    watched_on = models.DateField(_("watched on"))
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, help_text=_("1-10, shown as ½ to 5 stars.")
    )
    note = models.CharField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-watched_on", "-id"]
        verbose_name = _("viewing")
        verbose_name_plural = _("viewings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True)
                | models.Q(rating__gte=RATING_MIN, rating__lte=RATING_MAX),
                name="reviews_viewing_rating_range",
            ),
        ]
        indexes = [
            # A member's diary, newest first.
            models.Index(
                fields=["user", "-watched_on", "-id"], name="reviews_vw_user_newest"
            ),
            # A member's viewings of one film (rewatch marks, the film page).
            models.Index(
                fields=["film", "user", "watched_on", "id"], name="reviews_vw_film_user"
            ),
            # The API's list of everyone's viewings, newest first.
            models.Index(fields=["-watched_on", "-id"], name="reviews_vw_newest"),
        ]

    def __str__(self):
        return f"{self.user} – {self.film} ({self.watched_on})"

    @property
    def stars(self):
        return None if self.rating is None else self.rating / 2
