"""The films API as served: the catalogue (films/) with the members' numbers
and each film's reviews (reviews/), composed above both apps."""

from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny

from films.api import views as film_views
from films.models import Film
from films.selectors import FILM_ORDERINGS
from filmtracker.rest.openapi import error_responses
from reviews.api.examples import REVIEW_RESPONSE
from reviews.api.filters import StatusFilter
from reviews.api.serializers import ReviewSerializer
from reviews.selectors import (
    MEMBER_ORDERINGS,
    userfilm_list_queryset,
    with_member_numbers,
)
from search.selectors import film_autocomplete, film_search


class FilmViewSet(film_views.FilmViewSet):
    filterset_class = None  # set by the reviews action
    orderings = {**FILM_ORDERINGS, **MEMBER_ORDERINGS}
    # A rating on any film can reorder a list by the members' numbers.
    uncached_orderings = tuple(MEMBER_ORDERINGS)
    film_search = staticmethod(film_search)
    film_autocomplete = staticmethod(film_autocomplete)

    def get_queryset(self):
        if self.action == "reviews":
            return userfilm_list_queryset()
        return with_member_numbers(super().get_queryset())

    @extend_schema(
        summary="List a film's ratings and reviews",
        parameters=[film_views.FILM_ID],
        description="Members' entries for this film, newest first.",
        responses={200: ReviewSerializer(many=True), **error_responses(400, 404)},
        examples=[REVIEW_RESPONSE],
    )
    @action(
        detail=True,
        methods=["get"],
        permission_classes=[AllowAny],
        filter_backends=[DjangoFilterBackend],
        filterset_class=StatusFilter,
    )
    def reviews(self, request, pk=None):
        film = get_object_or_404(Film.objects.only("pk"), pk=pk)
        userfilms = self.filter_queryset(self.get_queryset().filter(film=film))
        page = self.paginate_queryset(userfilms)
        context = self.get_serializer_context()
        data = ReviewSerializer(page, many=True, context=context).data
        return self.get_paginated_response(data)
