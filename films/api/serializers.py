from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from films.models import Credit, Film, Genre, Person
from films.posters import API_POSTER_RENDITIONS
from films.renditions import renditions_or_none
from films.years import FILM_YEAR_MAX, FILM_YEAR_MIN
from filmtracker.rest.fields import LimitedCharField, StrictIntegerField

FILM_ORDERING_CHOICES = [
    ("title", _("Title, A to Z")),
    ("-title", _("Title, Z to A")),
    ("year", _("Oldest first")),
    ("-year", _("Newest first")),
    ("average", _("Lowest members' average first")),
    ("-average", _("Highest members' average first")),
    ("popularity", _("Least popular on TMDB first")),
    ("-popularity", _("Most popular on TMDB first")),
]


def absolute_url(serializer, path):
    request = serializer.context.get("request")
    return request.build_absolute_uri(path) if request else path


class GenreSerializer(serializers.ModelSerializer):
    # In the request's language (Accept-Language), like film titles.
    name = serializers.CharField(source="display_name", read_only=True)

    class Meta:
        model = Genre
        fields = ["id", "name", "slug"]


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "name"]


class CastMemberSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="person.id", read_only=True)
    name = serializers.CharField(source="person.name", read_only=True)

    class Meta:
        model = Credit
        fields = ["id", "name", "character", "order"]


class PosterSerializer(serializers.Serializer):
    small = serializers.URLField(help_text=_("300×450 pixels."))
    large = serializers.URLField(help_text=_("400×600 pixels."))


class FilmSummarySerializer(serializers.ModelSerializer):
    """Just enough to name and link a film (in reviews and autocomplete)."""

    # Film text in the request's language (Accept-Language), English when
    # there is no translation; querysets prefetch just that translation.
    title = serializers.CharField(
        source="display_title",
        read_only=True,
        help_text=_("In the requested language, else in English."),
    )
    url = serializers.SerializerMethodField(help_text=_("The film's page."))

    class Meta:
        model = Film
        fields = ["id", "title", "year", "slug", "url"]

    @extend_schema_field(serializers.URLField())
    def get_url(self, film):
        return absolute_url(self, film.get_absolute_url())


class FilmListSerializer(FilmSummarySerializer):
    """A film with the site's numbers.

    The numbers are annotations of reviews.selectors.with_member_numbers(),
    which the API's viewset (filmtracker/rest/films.py) adds to its queryset.
    """

    genres = GenreSerializer(many=True, read_only=True)
    average_rating = serializers.SerializerMethodField(
        help_text=_("Members' average rating, 1–10; null without ratings.")
    )
    average_stars = serializers.SerializerMethodField(
        help_text=_("The same average in stars, ½–5.")
    )
    rating_count = serializers.SerializerMethodField(
        help_text=_("How many members rated the film.")
    )
    watch_count = serializers.SerializerMethodField(
        help_text=_("How many members watched the film.")
    )
    viewing_count = serializers.SerializerMethodField(
        help_text=_("How many viewings members logged, rewatches included.")
    )
    poster = serializers.SerializerMethodField(
        help_text=_("Poster image URLs; null when the film has no poster.")
    )

    class Meta(FilmSummarySerializer.Meta):
        fields = [
            *FilmSummarySerializer.Meta.fields,
            "original_title",
            "tmdb_id",
            "genres",
            "average_rating",
            "average_stars",
            "rating_count",
            "watch_count",
            "viewing_count",
            "popularity",
            "poster",
        ]

    @extend_schema_field(serializers.FloatField(allow_null=True))
    def get_average_rating(self, film):
        average = film.average_rating
        return None if average is None else round(float(average), 2)

    @extend_schema_field(serializers.FloatField(allow_null=True))
    def get_average_stars(self, film):
        average = film.average_rating
        return None if average is None else round(float(average) / 2, 2)

    @extend_schema_field(serializers.IntegerField())
    def get_rating_count(self, film):
        return film.rating_count

    @extend_schema_field(serializers.IntegerField())
    def get_watch_count(self, film):
        return film.watch_count

    @extend_schema_field(serializers.IntegerField())
    def get_viewing_count(self, film):
        return film.viewing_count

    @extend_schema_field(PosterSerializer(allow_null=True))
    def get_poster(self, film):
        # Uses the renditions prefetched by film_list_queryset(); creates any
        # that are missing (once per poster and size). A lost image file
        # costs the film its poster, not the whole list.
        renditions = renditions_or_none(film.poster, *API_POSTER_RENDITIONS.values())
        if renditions is None:
            return None
        return {
            name: absolute_url(self, renditions[spec].url)
            for name, spec in API_POSTER_RENDITIONS.items()
        }


class FilmDetailSerializer(FilmListSerializer):
    tmdb_vote_average = serializers.FloatField(
        read_only=True, allow_null=True, help_text=_("TMDB's own average, 0–10.")
    )
    overview = serializers.CharField(
        source="display_overview",
        read_only=True,
        help_text=_("In the requested language, else in English."),
    )
    tagline = serializers.CharField(
        source="display_tagline",
        read_only=True,
        help_text=_("In the requested language, else in English."),
    )
    directors = serializers.SerializerMethodField()
    cast = serializers.SerializerMethodField(help_text=_("In billing order."))

    class Meta(FilmListSerializer.Meta):
        fields = [
            *FilmListSerializer.Meta.fields,
            "release_date",
            "overview",
            "tagline",
            "runtime",
            "imdb_id",
            "tmdb_vote_average",
            "tmdb_vote_count",
            "directors",
            "cast",
        ]

    @extend_schema_field(PersonSerializer(many=True))
    def get_directors(self, film):
        return PersonSerializer(film.directors, many=True).data

    @extend_schema_field(CastMemberSerializer(many=True))
    def get_cast(self, film):
        return CastMemberSerializer(film.cast, many=True).data


class FilmYearField(serializers.IntegerField):
    """A film year: FILM_YEAR_MIN to FILM_YEAR_MAX (films/years.py)."""

    def __init__(self, **kwargs):
        super().__init__(min_value=FILM_YEAR_MIN, max_value=FILM_YEAR_MAX, **kwargs)


class FilmListQuerySerializer(serializers.Serializer):
    """The film list's query parameters."""

    q = LimitedCharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text=_("Words to search for in titles and overviews."),
    )
    year = FilmYearField(required=False)
    genre = serializers.SlugField(
        required=False, help_text=_("A genre's slug, e.g. `science-fiction`.")
    )
    ordering = serializers.ChoiceField(
        choices=FILM_ORDERING_CHOICES,
        required=False,
        help_text=_(
            "Sort order; `-` first for descending. Default: by title, or by "
            "relevance when searching. `average` is the members' average."
        ),
    )


class AutocompleteQuerySerializer(serializers.Serializer):
    q = LimitedCharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text=_("The start of a title (of any of its words)."),
    )


# Film.tmdb_id is a PositiveIntegerField: 32 bits on PostgreSQL.
TMDB_ID_MAX = 2**31 - 1


class FilmImportSerializer(serializers.Serializer):
    tmdb_id = StrictIntegerField(
        min_value=1, max_value=TMDB_ID_MAX, help_text=_("The film's id on TMDB.")
    )


class TMDBSearchQuerySerializer(serializers.Serializer):
    query = LimitedCharField(max_length=200, help_text=_("Title to look for."))
    year = FilmYearField(required=False)
    page = serializers.IntegerField(
        required=False, default=1, min_value=1, max_value=500
    )


class TMDBMovieSummarySerializer(serializers.Serializer):
    tmdb_id = serializers.IntegerField()
    title = serializers.CharField()
    original_title = serializers.CharField(allow_blank=True)
    release_date = serializers.DateField(allow_null=True)
    year = serializers.IntegerField(allow_null=True)
    overview = serializers.CharField(allow_blank=True)
    poster_path = serializers.CharField(
        allow_null=True, help_text=_("TMDB's poster path, e.g. `/abc.jpg`.")
    )
    vote_average = serializers.FloatField()
    vote_count = serializers.IntegerField()
    popularity = serializers.FloatField()
    genre_ids = serializers.ListField(
        child=serializers.IntegerField(), help_text=_("TMDB genre ids.")
    )


class TMDBSearchPageSerializer(serializers.Serializer):
    page = serializers.IntegerField()
    total_pages = serializers.IntegerField(help_text=_("TMDB's count of pages."))
    total_results = serializers.IntegerField(
        help_text=_("TMDB's count of matches, including films already imported.")
    )
    results = TMDBMovieSummarySerializer(
        many=True, help_text=_("TMDB's matches not yet in our catalogue.")
    )
