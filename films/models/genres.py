"""Genres (TMDB's list) and the people a film page names."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from filmtracker.slugs import slug_from

from .translations import (
    BASE_LANGUAGE,
    GenreTranslation,
    TranslatedMixin,
    content_language,
    translation_attr,
)


class GenreQuerySet(models.QuerySet):
    def with_translation(self, *, language=None):
        """Genres with the active language's names prefetched (one query more
        in Russian, none in English)."""
        language = content_language(language)
        if language == BASE_LANGUAGE:
            return self
        return self.prefetch_related(
            Prefetch(
                "translations",
                queryset=GenreTranslation.objects.filter(language=language),
                to_attr=translation_attr(language),
            )
        )


class Genre(TranslatedMixin, models.Model):
    """A TMDB genre; `name` is English, GenreTranslation rows the others."""

    tmdb_id = models.PositiveIntegerField(unique=True, null=True, blank=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    objects = GenreQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("genre")
        verbose_name_plural = _("genres")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slug_from(self.name, max_length=100, fallback="genre")
        super().save(*args, **kwargs)

    @property
    def display_name(self):
        """The name in the active language, English when there is none."""
        return self._translated("name")


class Person(models.Model):
    """A director or actor, kept to what a film page shows."""

    tmdb_id = models.PositiveIntegerField(unique=True, null=True, blank=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


class Credit(models.Model):
    class Role(models.TextChoices):
        DIRECTOR = "director", _("Director")
        CAST = "cast", _("Cast")

    film = models.ForeignKey(
        "films.Film", on_delete=models.CASCADE, related_name="credits"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="credits")
    role = models.CharField(max_length=10, choices=Role.choices)
    character = models.CharField(max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["role", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "person", "role"], name="films_credit_unique_role"
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} in {self.film}"
