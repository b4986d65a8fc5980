"""GET /api/v1/exports/letterboxd/ and /api/v1/exports/full/: your own data.

There is no user parameter: an export is always the caller's own.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from exports import responses
from filmtracker.rest.openapi import error_responses

from . import examples
from .serializers import FullExportSerializer


class ExportView(APIView):
    permission_classes = [IsAuthenticated]
    # The body is a file, whatever the Accept header asks; only errors go
    # through a renderer, and they are always JSON (never a 406).
    renderer_classes = [JSONRenderer]

    def perform_content_negotiation(self, request, force=False):
        return super().perform_content_negotiation(request, force=True)


class LetterboxdExportView(ExportView):
    @extend_schema(
        tags=["exports"],
        summary="Download your history for Letterboxd (ZIP)",
        description=(
            "A ZIP of CSV files (UTF-8, no byte-order mark): "
            "`for-letterboxd/films-import.csv` (Letterboxd's import columns "
            "Title, Year, tmdbID, imdbID, Directors, WatchedDate, Rating10, "
            "Rewatch, Review: one row per viewing, one per film watched, rated "
            "or reviewed without one) and `for-letterboxd/watchlist-import.csv` "
            "for Letterboxd's importers; `diary.csv`, `ratings.csv`, "
            "`watched.csv`, `watchlist.csv` and `reviews.csv` in the layout of "
            "Letterboxd's own export (plus tmdbID and imdbID columns) for tools "
            "that read one. Cells starting with `=`, `+`, `-`, `@`, a tab or a "
            "carriage return are prefixed with an apostrophe; reviews and notes "
            "are HTML-escaped with `<br>` line breaks, as Letterboxd's are. Named "
            "`filmtracker-letterboxd-<username>-<date>.zip`; never cached."
        ),
        responses={
            (200, "application/zip"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The ZIP, as an attachment."
            ),
            **error_responses(401),
        },
    )
    def get(self, request):
        return responses.letterboxd_download(request)


class FullExportView(ExportView):
    @extend_schema(
        tags=["exports"],
        summary="Download everything of yours (JSON)",
        description=(
            "Your profile, every entry (status, rating, review), every viewing "
            "and your lists, as one JSON document, for moving your data "
            "elsewhere. Named `filmtracker-export-<username>-<date>.json`; "
            "never cached."
        ),
        responses={200: FullExportSerializer, **error_responses(401)},
        examples=[examples.FULL_EXPORT],
    )
    def get(self, request):
        return responses.full_download(request)
