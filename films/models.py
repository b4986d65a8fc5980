from django.conf import settings
from django.db import models
from django.db.models import F, Prefetch
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.search import index

from filmtracker.slugs import slug_from

from .search_text import titles_variants
from .slugs import film_address_kept


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


class FilmQuerySet(models.QuerySet):
    def with_translation(self, *, language=None):
        return with_translation(self, language=language)


class Film(TranslatedMixin, index.Indexed, ClusterableModel):
    tmdb_id = models.PositiveIntegerField(
        _("TMDB id"),
        null=True,
        blank=True,
        unique=True,
        help_text=_("Empty for films entered by hand."),
    )
    imdb_id = models.CharField(_("IMDb id"), max_length=12, blank=True)
    title = models.CharField(_("title"), max_length=255)
    original_title = models.CharField(_("original title"), max_length=255, blank=True)
    # TMDB's ISO 639-1 code ("ja", "ru"): the original title's lang attribute.
    original_language = models.CharField(
        _("original language"), max_length=12, blank=True
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        allow_unicode=False,
        help_text=_(
            "Part of the film's address; set once, kept when the title changes."
        ),
    )
    release_date = models.DateField(_("release date"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, db_index=True
    )
    overview = models.TextField(_("overview"), blank=True)
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    runtime = models.PositiveSmallIntegerField(
        _("runtime"), null=True, blank=True, help_text=_("In minutes.")
    )
    genres = models.ManyToManyField(Genre, blank=True, related_name="films")
    people = models.ManyToManyField(Person, through="Credit", related_name="films")
    tmdb_vote_average = models.DecimalField(
        _("TMDB rating"), max_digits=3, decimal_places=1, null=True, blank=True
    )
    tmdb_vote_count = models.PositiveIntegerField(_("TMDB votes"), default=0)
    popularity = models.FloatField(_("popularity"), default=0, db_index=True)
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Which TMDB poster `poster` was made from: a new path means a new poster.
    tmdb_poster_path = models.CharField(
        _("TMDB poster path"), max_length=100, blank=True, editable=False
    )
    tmdb_synced_at = models.DateTimeField(_("synced with TMDB"), null=True, blank=True)
    tmdb_missing = models.BooleanField(
        _("gone from TMDB"),
        default=False,
        help_text=_("TMDB no longer has this film; it is kept but not refreshed."),
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FilmQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        # Every title (English, original, translated) in the spellings a
        # query is normalised to (films/search_text.py): the autocomplete and
        # the accent-, case- and punctuation-blind matches come from these.
        index.SearchField("search_title_text", boost=3),
        index.AutocompleteField("search_title_text"),
        index.SearchField("original_title"),
        index.SearchField("overview"),
        index.FilterField("year"),
        index.FilterField("genres"),
        # Filtering search results by genre joins the genre table, so the
        # genre's slug must be declared as a filter field through the relation.
        index.RelatedFields("genres", [index.FilterField("slug")]),
        index.FilterField("tmdb_id"),
        # "Матрица" finds The Matrix: translated titles are searched too.
        index.RelatedFields(
            "translations",
            [
                index.SearchField("title", boost=3),
                index.SearchField("overview"),
            ],
        ),
    ]

    class Meta:
        ordering = ["title", "year"]
        verbose_name = _("film")
        verbose_name_plural = _("films")
        indexes = [
            models.Index(fields=["title", "year"]),
            # One per ORDER BY the site and API use (films/selectors.py
            # film_order_by: the column, then lower(title), then id), so a
            # page of 20 is an index range scan, not a sort of the catalogue.
            # ASC is NULLS LAST by default, as film_order_by asks.
            models.Index(Lower("title"), F("id"), name="films_film_title_order"),
            models.Index(
                F("year"), Lower("title"), F("id"), name="films_film_year_order"
            ),
            # The DESC NULLS LAST orderings (-popularity, -year) have
            # PostgreSQL-only indexes in migration 0002: SQLite cannot index
            # NULLS LAST, and it would rebuild Meta indexes on table changes.
            # Newest first (home page): created_at alone leaves ties to a sort.
            models.Index(
                F("created_at").desc(), F("id").desc(), name="films_film_newest_order"
            ),
        ]

    def __str__(self):
        title = self.display_title
        return f"{title} ({self.year})" if self.year else title

    def save(self, *args, **kwargs):
        if self.release_date and not self.year:
            self.year = self.release_date.year
        with film_address_kept(self):
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("films:detail", kwargs={"slug": self.slug})

    def search_titles(self):
        """The English, original and translated titles, each once."""
        titles = [self.title, self.original_title]
        if self.pk is not None:
            titles += [t.title for t in self.translations.all()]
        return list(dict.fromkeys(t for t in titles if t))

    def search_title_text(self):
        """What the search index holds for the titles: one spelling a line."""
        return "\n".join(titles_variants(self.search_titles()))

    @property
    def display_title(self):
        """The title in the active language, English when there is none."""
        return self._translated("title")

    @property
    def display_overview(self):
        return self._translated("overview")

    @property
    def display_tagline(self):
        return self._translated("tagline")

    @property
    def directors(self):
        return [c.person for c in self.credits.all() if c.role == Credit.Role.DIRECTOR]

    @property
    def cast(self):
        return [c for c in self.credits.all() if c.role == Credit.Role.CAST]


class Credit(models.Model):
    class Role(models.TextChoices):
        DIRECTOR = "director", _("Director")
        CAST = "cast", _("Cast")

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="credits")
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


class FilmTranslation(models.Model):
    """A film's text in a language other than English (from TMDB or an editor).

    Empty fields fall back to the film's English ones.
    """

    # A ParentalKey so that editors edit a film's translations on its page
    # in the admin (an InlinePanel, films/wagtail_hooks.py).
    film = ParentalKey(Film, on_delete=models.CASCADE, related_name="translations")
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
        Genre, on_delete=models.CASCADE, related_name="translations"
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


class FilmSlug(models.Model):
    """An address a film had before: /films/<slug>/ redirects to its current one."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="old_slugs")
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("former film address")
        verbose_name_plural = _("former film addresses")

    def __str__(self):
        return f"{self.slug} -> {self.film.slug}"
