"""The full export's shape, for the OpenAPI docs (exports.full builds the data).

Output only: nothing is read through these; the tests check real exports
against the schema they make.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from reviews.models import UserFilm


class ExportFilmSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("The film's id on this site."))
    tmdb_id = serializers.IntegerField(
        allow_null=True, help_text=_("TMDB's id; null for a film entered by hand.")
    )
    imdb_id = serializers.CharField(help_text=_("IMDb's id (`tt…`); empty if unknown."))
    title = serializers.CharField(help_text=_("The English title."))
    original_title = serializers.CharField(help_text=_("May be empty."))
    year = serializers.IntegerField(allow_null=True)
    release_date = serializers.DateField(allow_null=True)
    url = serializers.URLField(help_text=_("The film's page on this site."))


class ExportProfileSerializer(serializers.Serializer):
    username = serializers.CharField()
    display_name = serializers.CharField(help_text=_("May be empty."))
    email = serializers.EmailField()
    bio = serializers.CharField(help_text=_("May be empty."))
    language = serializers.CharField(
        help_text=_("The site language chosen (`en`, `ru`); empty: the browser's.")
    )
    time_zone = serializers.CharField(
        help_text=_("An IANA name: the calendar the member's dates are on.")
    )
    date_joined = serializers.DateTimeField()


class ExportEntrySerializer(serializers.Serializer):
    film = ExportFilmSerializer()
    status = serializers.ChoiceField(choices=UserFilm.Status.choices)
    rating = serializers.IntegerField(
        allow_null=True, help_text=_("The current rating, 1–10; null without one.")
    )
    stars = serializers.FloatField(
        allow_null=True, help_text=_("The rating in stars, ½–5.")
    )
    comment = serializers.CharField(
        help_text=_("The review, plain text; may be empty.")
    )
    watched_on = serializers.DateField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ExportViewingSerializer(serializers.Serializer):
    film = ExportFilmSerializer()
    watched_on = serializers.DateField(help_text=_("On the member's calendar."))
    rating = serializers.IntegerField(allow_null=True, help_text=_("1–10 or null."))
    stars = serializers.FloatField(allow_null=True)
    note = serializers.CharField(help_text=_("May be empty."))
    rewatch = serializers.BooleanField(
        help_text=_("Not the member's first viewing of the film.")
    )
    created_at = serializers.DateTimeField(help_text=_("When it was logged."))


class ExportListEntrySerializer(serializers.Serializer):
    position = serializers.IntegerField(help_text=_("1 is the first film."))
    note = serializers.CharField(help_text=_("May be empty."))
    film = ExportFilmSerializer()


class ExportListSerializer(serializers.Serializer):
    title = serializers.CharField()
    slug = serializers.CharField(help_text=_("Its address among the member's lists."))
    description = serializers.CharField(help_text=_("Plain text; may be empty."))
    visibility = serializers.CharField(
        help_text=_("`public`, `unlisted` (by link only) or `private`.")
    )
    ranked = serializers.BooleanField(help_text=_("Shown numbered, in order."))
    url = serializers.URLField(help_text=_("The list's page on this site."))
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    entries = ExportListEntrySerializer(many=True, help_text=_("By position."))


class FullExportSerializer(serializers.Serializer):
    format = serializers.CharField(help_text=_("Always `filmtracker-member-export`."))
    version = serializers.IntegerField(
        help_text=_("The shape's version: 1. A new version may add keys.")
    )
    exported_at = serializers.DateTimeField()
    profile = ExportProfileSerializer()
    entries = ExportEntrySerializer(
        many=True, help_text=_("One per film: status, rating and review.")
    )
    viewings = ExportViewingSerializer(
        many=True, help_text=_("Every viewing, by film, then oldest first.")
    )
    lists = ExportListSerializer(
        many=True,
        help_text=_("Every list of the member's, private ones too, oldest first."),
    )
