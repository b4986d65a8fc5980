from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from films.api.serializers import FilmSummarySerializer, absolute_url
from films.models import Film
from filmtracker.rest.fields import (
    IdField,
    LimitedCharField,
    StrictBooleanField,
    StrictIntegerField,
)
from lists.models import (
    DESCRIPTION_MAX_LENGTH,
    MAX_ENTRIES,
    NOTE_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    List,
    ListEntry,
)
from reviews.api.serializers import MemberSummarySerializer


class ListSerializer(serializers.ModelSerializer):
    """A member's film list, without its films (see its `entries_url`)."""

    owner = MemberSummarySerializer(read_only=True)
    entry_count = serializers.IntegerField(
        read_only=True, help_text=_("How many films the list holds.")
    )
    url = serializers.SerializerMethodField(help_text=_("The list's page."))
    entries_url = serializers.SerializerMethodField(
        help_text=_("Its films, in order, in this API.")
    )

    class Meta:
        model = List
        fields = [
            "id",
            "title",
            "slug",
            "description",
            "visibility",
            "ranked",
            "owner",
            "entry_count",
            "url",
            "entries_url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, film_list):
        return absolute_url(self, film_list.get_absolute_url())

    @extend_schema_field(serializers.URLField())
    def get_entries_url(self, film_list):
        path = reverse("list-entry-list", kwargs={"list_id": film_list.pk})
        return absolute_url(self, path)


class ListUpdateSerializer(serializers.Serializer):
    """What the owner may change in a list (PATCH: any of them)."""

    title = LimitedCharField(
        max_length=TITLE_MAX_LENGTH, help_text=_("1–200 characters.")
    )
    description = LimitedCharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        help_text=_("Plain text, line breaks kept; at most 5,000 characters."),
    )
    visibility = serializers.ChoiceField(
        choices=List.Visibility.choices,
        required=False,
        help_text=_(
            "`public`: anyone, listed everywhere; `unlisted`: anyone with the "
            "link; `private`: only you (a 404 to everyone else). Default `public`."
        ),
    )
    ranked = StrictBooleanField(
        required=False, help_text=_("Numbered, in order, as a ranking. Default false.")
    )


class ListCreateSerializer(ListUpdateSerializer):
    pass


class ListEntrySerializer(serializers.ModelSerializer):
    """One film at one position of a list (1 = first)."""

    film = FilmSummarySerializer(read_only=True)
    owner_rating = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text=_("The list owner's rating of the film, 1–10; null if none."),
    )

    class Meta:
        model = ListEntry
        fields = ["id", "position", "film", "note", "owner_rating", "created_at"]
        read_only_fields = fields


class ListEntryUpdateSerializer(serializers.Serializer):
    position = StrictIntegerField(
        required=False,
        min_value=1,
        max_value=MAX_ENTRIES,
        help_text=_(
            "Move the film here (1 = first, at most the number of films); the "
            "films in between close up."
        ),
    )
    note = LimitedCharField(
        required=False,
        allow_blank=True,
        max_length=NOTE_MAX_LENGTH,
        help_text=_("A short note, plain text."),
    )


class ListEntryCreateSerializer(serializers.Serializer):
    film = IdField(
        queryset=Film.objects.all(),
        error_messages={"does_not_exist": _("There is no film with id {pk_value}.")},
        help_text=_("The film's id; a film is in a list once."),
    )
    position = StrictIntegerField(
        required=False,
        min_value=1,
        max_value=MAX_ENTRIES,
        help_text=_(
            "Where to put it (1 = first, at most one past the last); the films "
            "from there on move down. Default: last."
        ),
    )
    note = LimitedCharField(
        required=False,
        allow_blank=True,
        max_length=NOTE_MAX_LENGTH,
        help_text=_("A short note, plain text."),
    )
