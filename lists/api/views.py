"""The lists API: /api/v1/lists/ and each list's films, /api/v1/lists/{id}/entries/.

Read: anyone, for the lists they may see (lists/selectors.py: a private list
is a 404 to everyone but its owner). Write: the owner, a verified member.
The rules live in lists/services.py; this module translates.
"""

from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.response import Response

from accounts.api.examples import NOT_VERIFIED
from accounts.api.permissions import IsVerifiedMemberOrReadOnly
from filmtracker.rest.openapi import error_responses
from lists.selectors import (
    list_listed_queryset,
    list_visible_queryset,
    with_entry_count,
)
from lists.services import list_create, list_delete, list_update

from . import examples
from .filters import ListFilter
from .permissions import IsListOwnerOrReadOnly
from .serializers import ListCreateSerializer, ListSerializer, ListUpdateSerializer

LIST_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The list's id."
)
WRITE_403 = {403: [NOT_VERIFIED, examples.NOT_OWNER]}


@extend_schema_view(
    list=extend_schema(
        summary="List film lists",
        description="Public lists of every member, and all of your own "
        "(unlisted and private too) when signed in; newest change first. "
        "Filter by member and by film.",
        responses={200: ListSerializer(many=True), **error_responses(400, 404)},
        examples=[examples.LIST_RESPONSE],
    ),
    retrieve=extend_schema(
        summary="Get one list",
        description="Public and unlisted lists for anyone; a private list only "
        "for its owner (404 for everyone else).",
        parameters=[LIST_ID],
        responses={200: ListSerializer, **error_responses(404)},
        examples=[examples.LIST_RESPONSE],
    ),
    create=extend_schema(
        summary="Make a list",
        description="A member has at most 200 lists. The slug (the page's "
        "address) comes from the title and stays. Needs a verified email "
        "address.",
        request=ListCreateSerializer,
        responses={
            201: ListSerializer,
            **error_responses(
                400,
                401,
                403,
                examples={
                    400: [examples.LONG_DESCRIPTION, examples.TOO_MANY_LISTS],
                    403: [NOT_VERIFIED],
                },
            ),
        },
        examples=[examples.LIST_CREATE, examples.LIST_RESPONSE],
    ),
    partial_update=extend_schema(
        summary="Change your list",
        description="Changes only the fields you send: title, description, "
        "visibility, ranked.",
        parameters=[LIST_ID],
        request=ListUpdateSerializer,
        responses={
            200: ListSerializer,
            **error_responses(
                400,
                401,
                403,
                404,
                examples={400: [examples.LONG_DESCRIPTION], **WRITE_403},
            ),
        },
        examples=[examples.LIST_PATCH, examples.LIST_RESPONSE],
    ),
    destroy=extend_schema(
        summary="Delete your list",
        description="Its entries go with it; the films stay.",
        parameters=[LIST_ID],
        responses={204: None, **error_responses(401, 403, 404, examples=WRITE_403)},
    ),
)
class ListViewSet(viewsets.ModelViewSet):
    """Members' film lists. Read: what you may see. Write: your own."""

    serializer_class = ListSerializer
    permission_classes = [IsVerifiedMemberOrReadOnly, IsListOwnerOrReadOnly]
    filter_backends = [DjangoFilterBackend]
    filterset_class = ListFilter
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        viewer = self.request.user
        if self.action == "list":
            lists = list_listed_queryset(viewer=viewer)
        else:
            lists = list_visible_queryset(viewer=viewer)
        return with_entry_count(lists.select_related("owner")).order_by(
            "-updated_at", "-pk"
        )

    def get_serializer_class(self):
        if self.action == "create":
            return ListCreateSerializer
        if self.action == "partial_update":
            return ListUpdateSerializer
        return ListSerializer

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        film_list = list_create(owner=request.user, **serializer.validated_data)
        location = reverse("list-detail", kwargs={"pk": film_list.pk})
        return Response(
            self._out(film_list.pk),
            status=status.HTTP_201_CREATED,
            headers={"Location": request.build_absolute_uri(location)},
        )

    def partial_update(self, request, *args, **kwargs):
        film_list = self.get_object()  # 404, then the owner check (403)
        serializer = self.get_serializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        list_update(
            user=request.user, list_id=film_list.pk, **serializer.validated_data
        )
        return Response(self._out(film_list.pk))

    def destroy(self, request, *args, **kwargs):
        film_list = self.get_object()
        list_delete(user=request.user, list_id=film_list.pk)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _out(self, pk):
        film_list = self.get_queryset().get(pk=pk)
        return ListSerializer(film_list, context=self.get_serializer_context()).data
