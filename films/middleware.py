"""Old film addresses answer with a permanent redirect to the current one."""

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse

from .slugs import film_slug_current

# URL namespaces whose `slug` is a film's: /films/<slug>/ and the member's
# rating pages under it.
FILM_NAMESPACES = {"films", "reviews"}


class FilmAddressRedirectMiddleware:
    """On a 404 for a former film slug, 301 to the same page at the new slug.

    Only 404s cost a query; the query string is kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return response
        slug = match.kwargs.get("slug")
        if not slug or match.namespace not in FILM_NAMESPACES:
            return response
        current = film_slug_current(slug=slug)
        if current is None:
            return response
        url = reverse(match.view_name, kwargs={**match.kwargs, "slug": current})
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
