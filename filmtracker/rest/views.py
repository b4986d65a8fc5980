"""API answers for what no API view handles: unknown addresses and crashes.

Without these, `/api/v1/films/abc/` (no route: ids are digits) fell through to
Wagtail's page tree and answered an HTML page, and a crash answered the site's
HTML error page: API clients got a body they cannot parse.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt


def error_response(*, detail, code, status):
    return JsonResponse({"detail": detail, "code": code, "errors": {}}, status=status)


# No CSRF check: the view changes nothing, and a refused POST should say
# "no such endpoint" rather than "CSRF failed" in HTML.
@csrf_exempt
def not_found(request, *args, **kwargs):
    return error_response(
        detail=_("There is no API endpoint at this address; see /api/docs/."),
        code="not_found",
        status=404,
    )


def bad_request(request, exception):
    """A request Django refused before the view: a body over the size limit
    (DATA_UPLOAD_MAX_MEMORY_SIZE) is a 413, anything else a 400."""
    if isinstance(exception, RequestDataTooBig):
        return error_response(
            detail=_("The request body is too large (at most %(size)d bytes).")
            % {"size": settings.DATA_UPLOAD_MAX_MEMORY_SIZE},
            code="request_too_large",
            status=413,
        )
    return error_response(
        detail=_("The request could not be understood."),
        code="bad_request",
        status=400,
    )


def server_error(request):
    return error_response(
        detail=_("The server hit an error. It has been logged; please try again."),
        code="server_error",
        status=500,
    )
