"""API answers for what no API view handles: unknown addresses and crashes.

Without these, `/api/v1/films/abc/` (no route: ids are digits) fell through to
Wagtail's page tree and answered an HTML page, and a crash answered the site's
HTML error page: API clients got a body they cannot parse.
"""

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


def server_error(request):
    return error_response(
        detail=_("The server hit an error. It has been logged; please try again."),
        code="server_error",
        status=500,
    )
