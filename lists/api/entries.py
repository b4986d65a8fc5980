"""A list's films through the API: /api/v1/lists/{list_id}/entries/.

Read: anyone who may see the list (a private one is a 404 to all but its
owner). Add, move (PATCH `position`), change the note, remove: the owner,
a verified member; another member's list answers 403 once it is visible.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.response import Response

from accounts.api.examples import NOT_VERIFIED
from accounts.api.permissions import IsVerifiedMemberOrReadOnly
from filmtracker.rest.openapi import error_responses
from lists.models import ListEntry
from lists.selectors import list_entries, list_visible_queryset
from lists.services import list_entry_add, list_entry_remove, list_entry_update

from . import examples
from .permissions import IsListOwnerOrReadOnly
from .serializers import (
    ListEntryCreateSerializer,
    ListEntrySerializer,
    ListEntryUpdateSerializer,
)

LIST_ID = OpenApiParameter(
    "list_id", int, OpenApiParameter.PATH, description="The list's id."
)
ENTRY_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The entry's id (not the film's)."
)
WRITE_403 = {403: [NOT_VERIFIED, examples.NOT_OWNER]}


@extend_schema_view(
    list=extend_schema(
        summary="List the films of a list",
        description="In the list's order (position 1 first).",
        parameters=[LIST_ID],
        responses={200: ListEntrySerializer(many=True), **error_responses(400, 404)},
        examples=[examples.ENTRY_RESPONSE],
    ),
    retrieve=extend_schema(
        summary="Get one film of a list",
        parameters=[LIST_ID, ENTRY_ID],
        responses={200: ListEntrySerializer, **error_responses(404)},
        examples=[examples.ENTRY_RESPONSE],
    ),
    create=extend_schema(
        summary="Add a film to your list",
        description="At `position` (default: last); the films from there on "
        "move down one. A film is in a list once; a list holds at most 5,000.",
        parameters=[LIST_ID],
        request=ListEntryCreateSerializer,
        responses={
            201: ListEntrySerializer,
            **error_responses(
                400,
                401,
                403,
                404,
                examples={
                    400: [examples.DUPLICATE_FILM, examples.BAD_POSITION],
                    **WRITE_403,
                },
            ),
        },
        examples=[examples.ENTRY_CREATE, examples.ENTRY_RESPONSE],
    ),
    partial_update=extend_schema(
        summary="Move a film or change its note",
        description="`position` moves the film there (1 to the number of films); "
        "the films in between close up, so positions stay 1..N.",
        parameters=[LIST_ID, ENTRY_ID],
        request=ListEntryUpdateSerializer,
        responses={
            200: ListEntrySerializer,
            **error_responses(
                400,
                401,
                403,
                404,
                examples={400: [examples.BAD_POSITION], **WRITE_403},
            ),
        },
        examples=[examples.ENTRY_MOVE, examples.ENTRY_RESPONSE],
    ),
    destroy=extend_schema(
        summary="Remove a film from your list",
        description="The films after it move up one.",
        parameters=[LIST_ID, ENTRY_ID],
        responses={204: None, **error_responses(401, 403, 404, examples=WRITE_403)},
    ),
)
class ListEntryViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = ListEntrySerializer
    permission_classes = [IsVerifiedMemberOrReadOnly, IsListOwnerOrReadOnly]
    lookup_value_regex = "[0-9]+"

    def film_list(self):
        """The list in the address, if the caller may see it (else 404)."""
        if not hasattr(self, "_film_list"):
            self._film_list = get_object_or_404(
                list_visible_queryset(viewer=self.request.user),
                pk=self.kwargs["list_id"],
            )
        return self._film_list

    def get_queryset(self):
        return list_entries(film_list=self.film_list())

    def get_serializer_class(self):
        if self.action == "create":
            return ListEntryCreateSerializer
        if self.action == "partial_update":
            return ListEntryUpdateSerializer
        return ListEntrySerializer

    def _writable_list(self):
        film_list = self.film_list()  # 404 first, then 403
        self.check_object_permissions(self.request, film_list)
        return film_list

    def create(self, request, *args, **kwargs):
        film_list = self._writable_list()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        entry = list_entry_add(
            user=request.user, list_id=film_list.pk, **serializer.validated_data
        )
        location = reverse(
            "list-entry-detail", kwargs={"list_id": film_list.pk, "pk": entry.pk}
        )
        return Response(
            self._out(entry.pk),
            status=status.HTTP_201_CREATED,
            headers={"Location": request.build_absolute_uri(location)},
        )

    def partial_update(self, request, *args, **kwargs):
        film_list = self._writable_list()
        entry = self.get_object()
        serializer = self.get_serializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        try:
            list_entry_update(
                user=request.user,
                list_id=film_list.pk,
                entry_id=entry.pk,
                **serializer.validated_data,
            )
        except ListEntry.DoesNotExist:
            raise exceptions.NotFound from None  # removed meanwhile
        return Response(self._out(entry.pk))

    def destroy(self, request, *args, **kwargs):
        film_list = self._writable_list()
        entry = self.get_object()
        list_entry_remove(user=request.user, list_id=film_list.pk, entry_id=entry.pk)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _out(self, pk):
        entry = self.get_queryset().get(pk=pk)
        return ListEntrySerializer(entry, context=self.get_serializer_context()).data
