"""The imports API, /api/v1/imports/: a member's Letterboxd imports.

Upload (202, the job runs in the background), follow its progress and
report, and resolve the rows it could not match. Only the owner sees or
touches an import (anyone else gets 404). The rules live in imports/.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from accounts.api.examples import NOT_VERIFIED
from accounts.api.permissions import IsVerifiedMember
from filmtracker.rest.openapi import error_responses
from imports.models import LetterboxdImport, LetterboxdRow
from imports.resolving import RowResolveError, letterboxd_row_resolve
from imports.selectors import letterboxd_import_of, letterboxd_imports_of
from imports.services import ExportInvalid, letterboxd_import_file

from . import examples
from .serializers import ImportSerializer, ImportUploadSerializer, RowResolveSerializer

IMPORT_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The import's id."
)
ROW_ID = OpenApiParameter(
    "row_id",
    int,
    OpenApiParameter.PATH,
    description="The row's `id` (from `unmatched` or `ambiguous`).",
)


@extend_schema_view(
    retrieve=extend_schema(
        summary="Follow a Letterboxd import",
        description="Its status (`queued`, `running`, `done`, `failed`), how "
        "many rows were processed of `total`; how many rows matched a film "
        "and created its entry, updated it or left it unchanged (rows, not "
        "films: three diary rows of one film count three); and the rows that "
        "need you: `ambiguous` (pick one of the `candidates`) and `unmatched` "
        "(find the film yourself). Only your own imports.",
        parameters=[IMPORT_ID],
        responses={200: ImportSerializer, **error_responses(401, 404)},
        examples=[examples.IMPORT_RESPONSE],
    ),
    create=extend_schema(
        summary="Import your Letterboxd history",
        description="Upload Letterboxd's export ZIP (Settings → Data → Export "
        "your data) or one of its CSV files as the multipart field `file`. "
        "It is checked at once (a bad file is refused with 400 and nothing is "
        "saved), then imported in the background: follow the `url` you get "
        "back (202). Diary rows become viewings, ratings.csv your ratings, "
        "watched.csv watched films, watchlist.csv films you want to watch, "
        "reviews.csv your reviews. What you already have is kept unless "
        "`replace` is true; importing the same file again changes nothing. "
        "Needs a verified email address.",
        request={"multipart/form-data": ImportUploadSerializer},
        responses={
            202: ImportSerializer,
            **error_responses(
                400,
                401,
                403,
                415,
                examples={
                    400: [examples.MISSING_COLUMN, examples.TOO_LARGE],
                    403: [NOT_VERIFIED],
                },
            ),
        },
        examples=[examples.QUEUED_RESPONSE],
    ),
)
class ImportViewSet(
    mixins.CreateModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Your Letterboxd imports (LetterboxdImport)."""

    serializer_class = ImportSerializer
    lookup_value_regex = "[0-9]+"

    def get_permissions(self):
        if self.action == "retrieve":
            return [IsAuthenticated()]
        return [IsVerifiedMember()]

    def get_parsers(self):
        # Only the upload takes a file (multipart); resolving takes JSON. A
        # request's parsers are chosen before its action is known: the
        # upload is the POST without an import id. (The schema generator
        # sets the action.)
        action = getattr(self, "action", None)
        if action is None:
            request = getattr(self, "request", None)
            kwargs = getattr(self, "kwargs", None) or {}
            upload = request is not None and request.method == "POST"
            action = "create" if upload and "pk" not in kwargs else None
        if action == "create":
            return [MultiPartParser()]
        return super().get_parsers()

    def get_queryset(self):
        return letterboxd_imports_of(user=self.request.user)

    def get_object(self):
        try:
            return letterboxd_import_of(user=self.request.user, pk=self.kwargs["pk"])
        except LetterboxdImport.DoesNotExist:
            raise NotFound() from None

    def create(self, request, *args, **kwargs):
        upload = ImportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        try:
            done = letterboxd_import_file(
                user=request.user,
                file=upload.validated_data["file"],
                replace=upload.validated_data["replace"],
            )
        except ExportInvalid as e:
            raise ValidationError({"file": [e.message]}) from None
        except DjangoPermissionDenied as e:
            raise PermissionDenied(str(e)) from None
        data = ImportSerializer(done, context=self.get_serializer_context()).data
        location = reverse("import-detail", kwargs={"pk": done.pk})
        return Response(
            data,
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": request.build_absolute_uri(location)},
        )

    @extend_schema(
        summary="Say which film a row means",
        description="Resolves an `ambiguous` or `unmatched` row of your "
        "finished import with a film here (`film`) or from TMDB (`tmdb_id`, "
        "added to the catalogue if need be), and imports it — together with "
        "every other open row of the same name and year. Answers with the "
        "whole import.",
        parameters=[IMPORT_ID, ROW_ID],
        request=RowResolveSerializer,
        responses={
            200: ImportSerializer,
            **error_responses(
                400,
                401,
                403,
                404,
                examples={400: [examples.ALREADY_IMPORTED], 403: [NOT_VERIFIED]},
            ),
        },
        examples=[examples.RESOLVE_FILM, examples.RESOLVE_TMDB],
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"rows/(?P<row_id>[0-9]+)/resolve",
        serializer_class=RowResolveSerializer,
    )
    def resolve(self, request, pk=None, row_id=None):
        choice = RowResolveSerializer(data=request.data)
        choice.is_valid(raise_exception=True)
        try:
            letterboxd_row_resolve(
                user=request.user,
                letterboxd_import_id=pk,
                row_id=row_id,
                film_id=choice.validated_data.get("film"),
                tmdb_id=choice.validated_data.get("tmdb_id"),
            )
        except (LetterboxdImport.DoesNotExist, LetterboxdRow.DoesNotExist):
            raise NotFound() from None
        except RowResolveError as e:
            raise ValidationError({"non_field_errors": [e.message]}) from None
        done = self.get_object()
        return Response(
            ImportSerializer(done, context=self.get_serializer_context()).data
        )
