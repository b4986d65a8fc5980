"""The film: TMDB's data, the admin's edits, and its former addresses."""

from django.db import models
from django.db.models import F
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.search import index

from ..search_text import titles_variants
from ..slugs import film_address_kept
from .genres import Credit, Genre, Person
from .translations import TranslatedMixin, with_translation


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
