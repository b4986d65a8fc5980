"""The catalogue's models, one module per concern (imported from here)."""

from .film import Film, FilmQuerySet, FilmSlug
from .genres import Credit, Genre, GenreQuerySet, Person
from .translations import (
    BASE_LANGUAGE,
    TRANSLATION_LANGUAGES,
    FilmTranslation,
    GenreTranslation,
    TranslatedMixin,
    content_language,
    translation_attr,
    translation_prefetch,
    with_translation,
)

__all__ = [
    "BASE_LANGUAGE",
    "TRANSLATION_LANGUAGES",
    "Credit",
    "Film",
    "FilmQuerySet",
    "FilmSlug",
    "FilmTranslation",
    "Genre",
    "GenreQuerySet",
    "GenreTranslation",
    "Person",
    "TranslatedMixin",
    "content_language",
    "translation_attr",
    "translation_prefetch",
    "with_translation",
]
