"""The diary API, /api/v1/diary/: members' dated viewings of films.

Read: anyone. Create: a verified member, for themselves. Delete: the owner.
The rules (dates on the member's calendar, double clicks) live in
reviews.viewing_services.viewing_log(); this module only translates.
"""

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from accounts.api.examples import NOT_VERIFIED
from accounts.api.permissions import IsVerifiedMemberOrReadOnly
from films.api.serializers import FilmSummarySerializer
from films.api.views import api_cache_key
from films.cache import film_cached
from films.models import Film
from films.years import VIEWING_YEAR_MIN
from filmtracker.rest.fields import IdField, LimitedCharField, StrictIntegerField
from filmtracker.rest.openapi import error_example, error_responses
from reviews.diary_selectors import VIEWINGS_KEY, viewing_list_queryset
from reviews.models import NOTE_MAX_LENGTH, RATING_MAX, RATING_MIN, Viewing
from reviews.viewing_services import viewing_delete, viewing_log

from .filters import MAX_ID, IdFilter, StrictFilterSet
from .permissions import IsOwnerOrReadOnly
from .serializers import RATING_MESSAGE, MemberSummarySerializer


class ViewingSerializer(serializers.ModelSerializer):
    """One viewing: who watched which film on which day of their calendar."""

    film = FilmSummarySerializer(read_only=True)
    user = MemberSummarySerializer(read_only=True)
    rewatch = serializers.BooleanField(
        read_only=True,
        help_text=_("Whether the member had watched the film before (derived)."),
    )
    stars = serializers.FloatField(
        read_only=True,
        allow_null=True,
        help_text=_("The rating in stars, ½–5; null without a rating."),
    )

    class Meta:
        model = Viewing
        fields = [
            "id",
            "film",
            "user",
            "watched_on",
            "rating",
            "stars",
            "note",
            "rewatch",
            "created_at",
        ]
        read_only_fields = fields


class ViewingCreateSerializer(serializers.Serializer):
    film = IdField(
        queryset=Film.objects.all(),
        error_messages={"does_not_exist": _("There is no film with id {pk_value}.")},
        help_text=_("The film's id."),
    )
    watched_on = serializers.DateField(
        help_text=_("The day you watched it, on your calendar (your time zone).")
    )
    rating = StrictIntegerField(
        required=False,
        allow_null=True,
        min_value=RATING_MIN,
        max_value=RATING_MAX,
        error_messages={"min_value": RATING_MESSAGE, "max_value": RATING_MESSAGE},
        help_text=_("1–10 (½ to 5 stars); also becomes your current rating."),
    )
    note = LimitedCharField(
        required=False,
        allow_blank=True,
        max_length=NOTE_MAX_LENGTH,
        help_text=_("A short note, plain text."),
    )


class ViewingFilter(StrictFilterSet):
    film = extend_schema_field(
        {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_ID,
            "description": "Only viewings of this film (its id).",
        }
    )(IdFilter(field_name="film_id"))
    user = django_filters.CharFilter(
        field_name="user__username",
        help_text=_("Only viewings by this member (their username)."),
    )
    year = django_filters.NumberFilter(
        field_name="watched_on__year",
        min_value=VIEWING_YEAR_MIN,
        max_value=9999,
        help_text=_("Only viewings in this calendar year."),
    )

    class Meta:
        model = Viewing
        fields = ["film", "user", "year"]


class IsViewingOwnerOrReadOnly(IsOwnerOrReadOnly):
    message = _("You can only remove your own viewings.")


VIEWING = {
    "id": 31,
    "film": {
        "id": 1,
        "title": "The Matrix",
        "year": 1999,
        "slug": "the-matrix-1999",
        "url": "https://filmtracker.example/films/the-matrix-1999/",
    },
    "user": {
        "username": "trinity",
        "display_name": "Trinity",
        "public_name": "Trinity",
        "url": "https://filmtracker.example/users/trinity/",
    },
    "watched_on": "2024-03-31",
    "rating": 9,
    "stars": 4.5,
    "note": "Fourth time; the lobby still wins.",
    "rewatch": True,
    "created_at": "2024-03-31T21:40:00Z",
}
VIEWING_RESPONSE = OpenApiExample("A rewatch", value=VIEWING, response_only=True)
VIEWING_CREATE = OpenApiExample(
    "Log a viewing",
    value={"film": 1, "watched_on": "2024-03-31", "rating": 9, "note": ""},
    request_only=True,
)
FUTURE_DATE = error_example(
    "Date in your future",
    "watched_on: The date you watched the film cannot be in the future.",
    "invalid",
    {"watched_on": ["The date you watched the film cannot be in the future."]},
)
NOT_OWNER = error_example(
    "Someone else's viewing",
    "You can only remove your own viewings.",
    "permission_denied",
)
VIEWING_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The viewing's id."
)


@extend_schema_view(
    list=extend_schema(
        summary="List viewings (diaries)",
        description="Every member's viewings, newest first; filter by member, "
        "film and year.",
        responses={200: ViewingSerializer(many=True), **error_responses(400, 404)},
        examples=[VIEWING_RESPONSE],
    ),
    retrieve=extend_schema(
        summary="Get one viewing",
        parameters=[VIEWING_ID],
        responses={200: ViewingSerializer, **error_responses(404)},
        examples=[VIEWING_RESPONSE],
    ),
    create=extend_schema(
        summary="Log a viewing",
        description="Logs that you watched a film on a day of your calendar "
        "(not in your future, not before 1870). Sets your status for the film "
        "to watched; a rating becomes your current rating. The same viewing "
        "sent twice within seconds is logged once (200 with the first). Needs "
        "a verified email address.",
        request=ViewingCreateSerializer,
        responses={
            201: ViewingSerializer,
            200: ViewingSerializer,
            **error_responses(
                400,
                401,
                403,
                examples={400: [FUTURE_DATE], 403: [NOT_VERIFIED]},
            ),
        },
        examples=[VIEWING_CREATE, VIEWING_RESPONSE],
    ),
    destroy=extend_schema(
        summary="Remove one of your viewings",
        description="Your status, rating and review of the film stay.",
        parameters=[VIEWING_ID],
        responses={
            204: None,
            **error_responses(401, 403, 404, examples={403: [NOT_VERIFIED, NOT_OWNER]}),
        },
    ),
)
class ViewingViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Members' viewings (Viewing). Read: anyone. Write: your own."""

    serializer_class = ViewingSerializer
    permission_classes = [IsVerifiedMemberOrReadOnly, IsViewingOwnerOrReadOnly]
    filter_backends = [DjangoFilterBackend]
    filterset_class = ViewingFilter
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        return viewing_list_queryset()

    def get_serializer_class(self):
        if self.action == "create":
            return ViewingCreateSerializer
        return ViewingSerializer

    def list(self, request, *args, **kwargs):
        def build():
            queryset = self.filter_queryset(self.get_queryset())
            viewings = self.paginate_queryset(queryset)
            data = self.get_serializer(viewings, many=True).data
            return self.get_paginated_response(data).data, [
                viewing.film_id for viewing in viewings
            ]

        # The same for everyone who asks: kept until any viewing or member
        # changes (rewatches and counts depend on other rows) or a film shown
        # does. Bad filters and pages past the end raise: nothing is kept.
        value = film_cached(
            key=api_cache_key(request), build=build, global_keys=[VIEWINGS_KEY]
        )
        return Response(value)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        viewing, created = viewing_log(user=request.user, **serializer.validated_data)
        # Read back through the list's queryset: member, film and `rewatch`.
        viewing = self.get_queryset().get(pk=viewing.pk)
        data = ViewingSerializer(viewing, context=self.get_serializer_context()).data
        location = reverse("viewing-detail", kwargs={"pk": viewing.pk})
        return Response(
            data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
            headers={"Location": request.build_absolute_uri(location)},
        )

    def destroy(self, request, *args, **kwargs):
        viewing = self.get_object()  # 404, then the owner check (403)
        viewing_delete(user=request.user, viewing_id=viewing.pk)
        return Response(status=status.HTTP_204_NO_CONTENT)
