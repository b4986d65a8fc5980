from django.urls import reverse
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from accounts.api.examples import NOT_VERIFIED
from accounts.api.permissions import IsVerifiedMemberOrReadOnly
from filmtracker.rest.openapi import error_responses
from reviews.models import UserFilm
from reviews.selectors import userfilm_list_queryset
from reviews.services import (
    ReviewExists,
    review_create,
    review_delete,
    review_update,
)

from . import examples
from .filters import ReviewFilter
from .permissions import IsOwnerOrReadOnly
from .quick import QuickActionsMixin
from .serializers import (
    ReviewCreateSerializer,
    ReviewSerializer,
    ReviewUpdateSerializer,
)

REVIEW_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The entry's id."
)
WRITE_ERRORS = {
    403: [NOT_VERIFIED, examples.NOT_OWNER],
}


@extend_schema_view(
    list=extend_schema(
        summary="List ratings and reviews",
        description="Every member's entries, newest first; filter by film, "
        "member and status.",
        # 404: a page past the last one.
        responses={200: ReviewSerializer(many=True), **error_responses(400, 404)},
        examples=[examples.REVIEW_RESPONSE],
    ),
    retrieve=extend_schema(
        summary="Get one rating and review",
        parameters=[REVIEW_ID],
        responses={200: ReviewSerializer, **error_responses(404)},
        examples=[examples.REVIEW_RESPONSE],
    ),
    create=extend_schema(
        summary="Rate, review or list a film",
        description="Creates your entry for a film. You have one entry per "
        "film: a second one is refused (400); change the first with PUT or "
        "PATCH. Needs a verified email address.",
        request=ReviewCreateSerializer,
        responses={
            201: ReviewSerializer,
            **error_responses(
                400,
                401,
                403,
                examples={
                    400: [
                        examples.INVALID_REVIEW,
                        examples.UNKNOWN_FILM,
                        examples.DUPLICATE_REVIEW,
                    ],
                    403: [NOT_VERIFIED],
                },
            ),
        },
        examples=[
            examples.REVIEW_CREATE,
            examples.WANT_TO_WATCH,
            examples.REVIEW_RESPONSE,
        ],
    ),
    update=extend_schema(
        summary="Replace your rating and review",
        description="Replaces your entry: fields you leave out go back to "
        "their defaults (no rating, no comment, status `watched`). The film "
        "cannot change.",
        parameters=[REVIEW_ID],
        request=ReviewUpdateSerializer,
        responses={
            200: ReviewSerializer,
            **error_responses(
                400,
                401,
                403,
                404,
                examples={400: [examples.INVALID_REVIEW], **WRITE_ERRORS},
            ),
        },
        examples=[examples.REVIEW_UPDATE, examples.REVIEW_RESPONSE],
    ),
    partial_update=extend_schema(
        summary="Change your rating and review",
        description="Changes only the fields you send.",
        parameters=[REVIEW_ID],
        request=ReviewUpdateSerializer,
        responses={
            200: ReviewSerializer,
            **error_responses(
                400,
                401,
                403,
                404,
                examples={400: [examples.INVALID_REVIEW], **WRITE_ERRORS},
            ),
        },
        examples=[examples.REVIEW_PATCH, examples.REVIEW_RESPONSE],
    ),
    destroy=extend_schema(
        summary="Delete your rating and review",
        parameters=[REVIEW_ID],
        responses={
            204: None,
            **error_responses(401, 403, 404, examples=WRITE_ERRORS),
        },
    ),
)
class ReviewViewSet(QuickActionsMixin, viewsets.ModelViewSet):
    """Members' entries for films (UserFilm). Read: anyone. Write: your own."""

    serializer_class = ReviewSerializer
    permission_classes = [IsVerifiedMemberOrReadOnly, IsOwnerOrReadOnly]
    filter_backends = [DjangoFilterBackend]
    filterset_class = ReviewFilter
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        return userfilm_list_queryset()

    def get_serializer_class(self):
        if self.action == "create":
            return ReviewCreateSerializer
        if self.action in ("update", "partial_update"):
            return ReviewUpdateSerializer
        return ReviewSerializer

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        film = values.pop("film")
        try:
            userfilm = review_create(user=request.user, film=film, **values)
        except ReviewExists as exists:
            raise ValidationError(
                {"film": [self._duplicate_message(exists.userfilm)]}
            ) from None
        location = reverse("review-detail", kwargs={"pk": userfilm.pk})
        return Response(
            self._out(userfilm),
            status=status.HTTP_201_CREATED,
            headers={"Location": request.build_absolute_uri(location)},
        )

    def update(self, request, *args, **kwargs):
        partial = kwargs.get("partial", False)
        userfilm = self.get_object()  # 404, then IsOwnerOrReadOnly (403)
        serializer = self.get_serializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        # PUT replaces the entry (fields left out go back to their defaults);
        # PATCH keeps what it does not mention.
        try:
            userfilm = review_update(
                user=request.user,
                userfilm_id=userfilm.pk,
                replace=not partial,
                **serializer.validated_data,
            )
        except UserFilm.DoesNotExist:
            raise NotFound from None  # deleted meanwhile: the delete wins
        return Response(self._out(userfilm))

    def destroy(self, request, *args, **kwargs):
        userfilm = self.get_object()
        review_delete(user=request.user, film=userfilm.film)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _out(self, userfilm):
        return ReviewSerializer(userfilm, context=self.get_serializer_context()).data

    def _duplicate_message(self, existing):
        path = reverse("review-detail", kwargs={"pk": existing.pk})
        return _(
            "You already have an entry for this film (id %(id)s). "
            "Change it with PUT or PATCH %(path)s."
        ) % {"id": existing.pk, "path": path}
