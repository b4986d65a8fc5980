import hashlib

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from accounts.api.examples import NOT_VERIFIED
from accounts.api.permissions import IsVerifiedMember
from films import tmdb
from films.cache import film_cached
from films.posters import API_POSTER_RENDITIONS
from films.selectors import (
    FILM_ORDERINGS,
    film_list_queryset,
    tmdb_search_not_imported,
)
from films.services import AdultFilmRefused, FilmImportFailed, film_import_from_tmdb
from filmtracker.rest.openapi import error_responses

from . import examples
from .serializers import (
    AutocompleteQuerySerializer,
    FilmDetailSerializer,
    FilmImportSerializer,
    FilmListQuerySerializer,
    FilmListSerializer,
    FilmSummarySerializer,
    TMDBSearchPageSerializer,
    TMDBSearchQuerySerializer,
)

TMDB_ERRORS = (502, 503, 504)


class ImportConflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "import_failed"
    default_detail = FilmImportFailed.message


FILM_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The film's id."
)


def api_cache_key(request):
    """Absolute URLs are in the data, so host and scheme are in the key."""
    query = urlencode(sorted(request.query_params.lists()), doseq=True)
    raw = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.md5(raw.encode()).hexdigest()  # noqa: S324 - a cache key
    return f"ft:api:{get_language()}:{digest}"


def query_params(serializer_class, request):
    """Validated query parameters; invalid ones are a 400 with field errors.

    A plain dict rather than the QueryDict: DRF reads an empty value in form
    data as "not given", so `?year=` silently meant no filter. Here it is an
    error like any other invalid value (`q=` stays allowed: it may be blank).
    """
    serializer = serializer_class(data=request.query_params.dict())
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


@extend_schema_view(
    list=extend_schema(
        summary="List and search films",
        description="The catalogue, paginated. `q` searches titles (any "
        "language, accents and punctuation ignored, the last word may be "
        "unfinished), people and overviews, exact titles first; a year at its "
        "end picks films of that year when there are any. `year` and `genre` "
        "narrow the list (and the search).",
        parameters=[FilmListQuerySerializer],
        responses={
            200: FilmListSerializer(many=True),
            **error_responses(400, 404, examples={400: [examples.INVALID_FILTER]}),
        },
        examples=[examples.FILM_RESPONSE],
    ),
    retrieve=extend_schema(
        summary="Get a film",
        parameters=[FILM_ID],
        description="A film with its genres, directors, cast and the site's numbers.",
        responses={200: FilmDetailSerializer, **error_responses(404)},
        examples=[examples.FILM_DETAIL_RESPONSE],
    ),
)
class FilmViewSet(viewsets.ReadOnlyModelViewSet):
    """The film catalogue: read by anyone, grown by importing from TMDB.

    The API serves filmtracker/rest/films.py's subclass, which adds the
    members' numbers (and the orderings by them) and each film's reviews.
    """

    serializer_class = FilmListSerializer
    lookup_value_regex = "[0-9]+"
    # `?ordering=` names (film_search's `orderings`), and those whose order
    # any rating can change, so that a list in that order is never cached.
    orderings = FILM_ORDERINGS
    uncached_orderings = ()
    # The search (search/selectors.py: film_search, film_autocomplete) ranks
    # with the members' numbers, so the subclass wires it in from above:
    # films/ imports neither search/ nor reviews/.
    film_search = None
    film_autocomplete = None

    def get_queryset(self):
        films = film_list_queryset(poster_renditions=API_POSTER_RENDITIONS.values())
        if self.action in ("retrieve", "import_film"):
            films = films.prefetch_related("credits__person")
        return films

    def get_serializer_class(self):
        if self.action in ("retrieve", "import_film"):
            return FilmDetailSerializer
        return FilmListSerializer

    def list(self, request, *args, **kwargs):
        params = query_params(FilmListQuerySerializer, request)
        ordering = params.get("ordering") or ""

        def build():
            films, _matches = self.film_search(
                queryset=self.get_queryset(),
                query=params.get("q", "").strip(),
                year=params.get("year"),
                genre=params.get("genre"),
                ordering=params.get("ordering"),
                orderings=self.orderings,
            )
            page = self.paginate_queryset(films)
            data = self.get_paginated_response(
                self.get_serializer(page, many=True).data
            ).data
            return data, [film.pk for film in page]

        if ordering.removeprefix("-") in self.uncached_orderings:
            # Any film's change can reorder this list: not cacheable per film.
            return Response(build()[0])
        # Not member-specific: the same page for everyone, until a film on it
        # changes or the catalogue does (films/cache.py).
        return Response(
            film_cached(key=api_cache_key(request), build=build, catalogue=True)
        )

    def retrieve(self, request, *args, **kwargs):
        def build():
            film = self.get_object()
            return self.get_serializer(film).data, [film.pk]

        return Response(film_cached(key=api_cache_key(request), build=build))

    @extend_schema(
        summary="Autocomplete film titles",
        description="The first 8 films the search for `q` lists (the same "
        "matching and order as `q` on the film list; the last word may be "
        "unfinished), for search boxes. An empty `q` gives an empty list.",
        parameters=[AutocompleteQuerySerializer],
        responses={200: FilmSummarySerializer(many=True), **error_responses(400)},
        examples=[examples.AUTOCOMPLETE_RESPONSE],
    )
    @action(
        detail=False,
        methods=["get"],
        permission_classes=[AllowAny],
        pagination_class=None,
    )
    def autocomplete(self, request):
        text = query_params(AutocompleteQuerySerializer, request).get("q", "").strip()
        films = self.film_autocomplete(text=text) if text else []
        context = self.get_serializer_context()
        return Response(FilmSummarySerializer(films, many=True, context=context).data)

    @extend_schema(
        summary="Import a film from TMDB",
        description="Adds the film with this TMDB id to the catalogue, with "
        "its genres, people and poster. Idempotent: a film already imported "
        "is returned as it is (200); a new one answers 201. Needs a verified "
        "email address.",
        request=FilmImportSerializer,
        responses={
            200: FilmDetailSerializer,
            201: FilmDetailSerializer,
            **error_responses(
                400,
                401,
                403,
                409,
                *TMDB_ERRORS,
                examples={400: [examples.UNKNOWN_TMDB_ID], 403: [NOT_VERIFIED]},
            ),
        },
        examples=[examples.IMPORT_REQUEST, examples.FILM_DETAIL_RESPONSE],
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        permission_classes=[IsVerifiedMember],
        serializer_class=FilmImportSerializer,
    )
    def import_film(self, request):
        serializer = FilmImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        tmdb_id = serializer.validated_data["tmdb_id"]
        try:
            film, created = film_import_from_tmdb(tmdb_id=tmdb_id)
        except AdultFilmRefused as refused:
            raise ValidationError({"tmdb_id": [refused.message]}) from None
        except tmdb.TMDBNotFound:
            raise ValidationError(
                {"tmdb_id": [_("TMDB has no film with id %(id)s.") % {"id": tmdb_id}]}
            ) from None
        except FilmImportFailed:
            raise ImportConflict from None
        film = self.get_queryset().get(pk=film.pk)
        data = FilmDetailSerializer(film, context=self.get_serializer_context()).data
        if not created:
            return Response(data)
        location = reverse("film-detail", kwargs={"pk": film.pk})
        return Response(
            data,
            status=status.HTTP_201_CREATED,
            headers={"Location": request.build_absolute_uri(location)},
        )


class TMDBViewSet(viewsets.ViewSet):
    """Looking films up on TMDB (The Movie Database) to import them."""

    permission_classes = [IsVerifiedMember]

    @extend_schema(
        summary="Search TMDB for films to import",
        description="TMDB's matches for a title that are not in our "
        "catalogue yet, one TMDB page at a time; import one with "
        "`POST /api/v1/films/import/`. Needs a verified email address.",
        parameters=[TMDBSearchQuerySerializer],
        responses={
            200: TMDBSearchPageSerializer,
            **error_responses(
                400, 401, 403, *TMDB_ERRORS, examples={403: [NOT_VERIFIED]}
            ),
        },
        examples=[examples.TMDB_SEARCH_RESPONSE],
    )
    @action(detail=False, methods=["get"])
    def search(self, request):
        params = query_params(TMDBSearchQuerySerializer, request)
        page = tmdb_search_not_imported(
            query=params["query"].strip(),
            year=params.get("year"),
            page=params["page"],
            language=tmdb.tmdb_language(),  # Accept-Language, via LocaleMiddleware
        )
        return Response(TMDBSearchPageSerializer(page).data)
