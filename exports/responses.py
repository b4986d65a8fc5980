"""The download responses, shared by the site's buttons and the API.

Both are attachments named after the member and their date, and never stored
by a cache (`Cache-Control: no-store`): the files are private.
"""

import tempfile

from django.http import FileResponse, HttpResponse
from django.utils.cache import patch_cache_control

from .services import (
    JSON_CONTENT_TYPE,
    SPOOL_MAX_BYTES,
    ZIP_CONTENT_TYPE,
    full_export_filename,
    full_export_json,
    letterboxd_export_filename,
    letterboxd_export_write,
)


def _private(response):
    patch_cache_control(response, no_store=True, private=True)
    return response


def letterboxd_download(request):
    """The signed-in member's Letterboxd ZIP; built in a spooled file (in
    memory while small, on disk beyond SPOOL_MAX_BYTES) and streamed."""
    user = request.user
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX_BYTES)  # noqa: SIM115
    try:
        letterboxd_export_write(user=user, file=spool)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    # FileResponse closes the spool when the response is done.
    response = FileResponse(
        spool,
        as_attachment=True,
        filename=letterboxd_export_filename(user=user),
        content_type=ZIP_CONTENT_TYPE,
    )
    return _private(response)


def full_download(request):
    """The signed-in member's full export as a JSON attachment."""
    user = request.user
    body = full_export_json(user=user, base_url=request.build_absolute_uri("/")[:-1])
    response = HttpResponse(body, content_type=JSON_CONTENT_TYPE)
    filename = full_export_filename(user=user)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)
