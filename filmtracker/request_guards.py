"""Requests refused before any view sees them."""

from django.http import Http404

from filmtracker.rest import views as rest_views


class NulInPathMiddleware:
    """A NUL character anywhere in the path is a 404, before any view runs.

    PostgreSQL cannot hold NUL in text, so a path parameter with one
    (`/users/a%00b/`) made the view's query fail with a 500. No address on the
    site contains NUL; refusing it here covers every route, including
    Wagtail's and allauth's, instead of each view checking its parameters.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            if request.path_info.startswith("/api/"):
                return rest_views.not_found(request)
            raise Http404("NUL in the path")
        return self.get_response(request)
