"""Letterboxd imports in the API: only translating, the rules are in imports/."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from films.api.serializers import TMDB_ID_MAX
from filmtracker.rest.fields import StrictIntegerField
from imports.models import LetterboxdImport, LetterboxdList, LetterboxdRow
from imports.selectors import letterboxd_report_lists, letterboxd_report_rows
from reviews.api.filters import MAX_ID


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        allow_empty_file=True,  # the service says what is wrong with it
        help_text=_(
            "Letterboxd's export ZIP, or one of its CSV files (diary.csv, "
            "ratings.csv, watched.csv, watchlist.csv, reviews.csv)."
        ),
    )
    replace = serializers.BooleanField(
        default=False,
        help_text=_("Overwrite ratings, statuses and reviews you already have here."),
    )


class ImportCandidateSerializer(serializers.Serializer):
    film = serializers.IntegerField(
        allow_null=True, help_text=_("The film's id here; null when not here yet.")
    )
    tmdb_id = serializers.IntegerField(allow_null=True, help_text=_("TMDB's id."))
    title = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)


class ImportRowSerializer(serializers.ModelSerializer):
    file = serializers.CharField(source="file_name", read_only=True)
    reason = serializers.SerializerMethodField()
    candidates = ImportCandidateSerializer(many=True, read_only=True)

    class Meta:
        model = LetterboxdRow
        fields = ["id", "file", "line", "name", "year", "reason", "candidates"]
        read_only_fields = fields

    def get_reason(self, row) -> str:
        return gettext(row.reason) if row.reason else ""


class IgnoredFileSerializer(serializers.Serializer):
    file = serializers.CharField()
    reason = serializers.CharField()

    def to_representation(self, instance):
        return {"file": instance["file"], "reason": gettext(instance["reason"])}


class ImportListSerializer(serializers.Serializer):
    file = serializers.CharField(help_text=_("`lists/<name>.csv` in the export."))
    title = serializers.CharField()
    outcome = serializers.ChoiceField(
        choices=LetterboxdList.Outcome.choices,
        help_text=_(
            "`created` (a new private list), `replaced` (your list of that "
            "title, its films replaced), `kept` (your list of that title, new "
            "films added at its end), `failed` (see `reason`); empty while queued."
        ),
    )
    reason = serializers.CharField(help_text=_("Why it failed; may be empty."))
    list = serializers.IntegerField(
        source="film_list_id",
        allow_null=True,
        help_text=_("Your list's id (/api/v1/lists/{id}/); null if none."),
    )


class ProblemSerializer(serializers.Serializer):
    file = serializers.CharField()
    line = serializers.IntegerField()
    reason = serializers.CharField()


class ImportSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text=_("This import in the API."))
    page = serializers.SerializerMethodField(help_text=_("Its page on the site."))
    unmatched = serializers.SerializerMethodField()
    ambiguous = serializers.SerializerMethodField()
    failed = serializers.SerializerMethodField()
    lists = serializers.SerializerMethodField(
        help_text=_("The export's lists/*.csv files, and your lists they went to.")
    )
    ignored_files = IgnoredFileSerializer(many=True, read_only=True)
    problems = ProblemSerializer(
        many=True,
        read_only=True,
        help_text=_("Rows that could not be read; the others were imported."),
    )

    class Meta:
        model = LetterboxdImport
        fields = [
            "id",
            "url",
            "page",
            "status",
            "filename",
            "replace",
            "total",
            "processed",
            "matched",
            "created",
            "updated",
            "unchanged",
            "unmatched",
            "ambiguous",
            "failed",
            "lists",
            "ignored_files",
            "problems",
            "error",
            "created_at",
            "finished_at",
        ]
        read_only_fields = fields

    def _rows(self, letterboxd_import, state):
        cache = self.context.setdefault("report_rows", {})
        if letterboxd_import.pk not in cache:
            cache[letterboxd_import.pk] = letterboxd_report_rows(letterboxd_import)
        rows = cache[letterboxd_import.pk][state]
        return ImportRowSerializer(rows, many=True, context=self.context).data

    def get_url(self, letterboxd_import) -> str:
        path = reverse("import-detail", kwargs={"pk": letterboxd_import.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_page(self, letterboxd_import) -> str:
        path = letterboxd_import.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    @extend_schema_field(ImportRowSerializer(many=True))
    def get_unmatched(self, letterboxd_import):
        return self._rows(letterboxd_import, LetterboxdRow.State.UNMATCHED)

    @extend_schema_field(ImportRowSerializer(many=True))
    def get_ambiguous(self, letterboxd_import):
        return self._rows(letterboxd_import, LetterboxdRow.State.AMBIGUOUS)

    @extend_schema_field(ImportRowSerializer(many=True))
    def get_failed(self, letterboxd_import):
        return self._rows(letterboxd_import, LetterboxdRow.State.FAILED)

    @extend_schema_field(ImportListSerializer(many=True))
    def get_lists(self, letterboxd_import):
        lists = letterboxd_report_lists(letterboxd_import)
        return ImportListSerializer(lists, many=True).data


class RowResolveSerializer(serializers.Serializer):
    film = StrictIntegerField(
        required=False,
        min_value=1,
        max_value=MAX_ID,
        help_text=_("The film's id here (a candidate's `film`, or any film)."),
    )
    tmdb_id = StrictIntegerField(
        required=False,
        min_value=1,
        max_value=TMDB_ID_MAX,
        help_text=_("Or TMDB's id (a candidate's `tmdb_id`): added here if need be."),
    )

    def validate(self, attrs):
        if ("film" in attrs) == ("tmdb_id" in attrs):
            raise serializers.ValidationError(
                _("Give either `film` or `tmdb_id`."), code="invalid"
            )
        return attrs
