"""Film and genre text in the site's other languages, and how pages read it.

English lives on Film and Genre themselves; FilmTranslation and
GenreTranslation rows hold the other site languages, each field falling back
to the English one (TranslatedMixin).
"""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

# Film text in this language lives on Film itself; other site languages are
# FilmTranslation rows shown with a per-field fallback to it.
BASE_LANGUAGE = "en"
TRANSLATION_LANGUAGES = [
    (code, name) for code, name in settings.LANGUAGES if code != BASE_LANGUAGE
]


def content_language(language=None):
    """The site language (`en`, `ru`) for film text: `language` or the active one."""
    code = (language or get_language() or settings.LANGUAGE_CODE).lower()
    code = code.split("-")[0]
    known = {code for code, _name in settings.LANGUAGES}
    return code if code in known else BASE_LANGUAGE


def translation_attr(language):
    return f"translations_{language}"


def translation_prefetch(lookup="translations", *, language=None):
    """A Prefetch of only `language`'s translation, or None for the base language.

    `lookup` leads to a film's translations (`film__translations` from a
    UserFilm). The rows land in a list attribute per language, which
    `Film.translation()` reads, so a list in Russian costs one query more,
    whatever its length, and an English list none.
    """
    language = content_language(language)
    if language == BASE_LANGUAGE:
        return None
    return Prefetch(
        lookup,
        queryset=FilmTranslation.objects.filter(language=language),
        to_attr=translation_attr(language),
    )


def with_translation(queryset, lookup="translations", *, language=None):
    """`queryset` with the active language's film translations prefetched."""
    prefetch = translation_prefetch(lookup, language=language)
    return queryset if prefetch is None else queryset.prefetch_related(prefetch)


class TranslatedMixin:
    """Text in the active language from `translations` rows (FilmTranslation,
    GenreTranslation), each field falling back to the model's English one."""

    def translation(self, language=None):
        """This object's translation in `language` (default: active), or None.

        Reads what a translation prefetch loaded; without it, asks the
        database once and remembers the answer on this instance.
        """
        language = content_language(language)
        if language == BASE_LANGUAGE or self.pk is None:
            return None
        attr = translation_attr(language)
        if not hasattr(self, attr):
            setattr(self, attr, list(self.translations.filter(language=language)))
        rows = getattr(self, attr)
        return rows[0] if rows else None

    def _translated(self, name):
        translation = self.translation()
        return getattr(translation, name, "") or getattr(self, name)

    def text_language(self, name):
        """The language code (`en`, `ru`) of what the translated `name` shows.

        The active language when this object has the field translated, else
        BASE_LANGUAGE (the English fallback), so a page can mark it with lang.
        """
        translation = self.translation()
        if translation is not None and getattr(translation, name, ""):
            return content_language()
        return BASE_LANGUAGE


class FilmTranslation(models.Model):
    """A film's text in a language other than English (from TMDB or an editor).

    Empty fields fall back to the film's English ones.
    """

    # A ParentalKey so that editors edit a film's translations on its page
    # in the admin (an InlinePanel, films/wagtail_hooks.py).
    film = ParentalKey(
        "films.Film", on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(
        _("language"), max_length=10, choices=TRANSLATION_LANGUAGES
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    overview = models.TextField(_("overview"), blank=True)
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("film translation")
        verbose_name_plural = _("film translations")
        constraints = [
            models.UniqueConstraint(
                fields=["film", "language"], name="films_translation_unique_language"
            )
        ]

    def __str__(self):
        return f"{self.film.title} [{self.language}]"


class GenreTranslation(models.Model):
    """A genre's name in a language other than English (TMDB's, or an editor's)."""

    genre = models.ForeignKey(
        "films.Genre", on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(
        _("language"), max_length=10, choices=TRANSLATION_LANGUAGES
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["language"]
        verbose_name = _("genre translation")
        verbose_name_plural = _("genre translations")
        constraints = [
            models.UniqueConstraint(
                fields=["genre", "language"], name="films_genretranslation_unique"
            )
        ]

    def __str__(self):
        return f"{self.name} [{self.language}]"
