from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle
from rest_framework_simplejwt import views as jwt_views

from accounts.selectors import user_public_queryset
from filmtracker.rest.openapi import error_responses
from reviews.api.examples import REVIEW_RESPONSE
from reviews.api.filters import StatusFilter
from reviews.api.serializers import ReviewSerializer
from reviews.selectors import userfilm_list_queryset

from . import examples
from .serializers import (
    MeSerializer,
    PublicProfileSerializer,
    RefreshTokenSerializer,
    TokenBlacklistSerializer,
    TokenCredentialsSerializer,
    TokenObtainPairSerializer,
    TokenPairSerializer,
    TokenRefreshSerializer,
)

USERNAME = OpenApiParameter(
    "username", str, OpenApiParameter.PATH, description="The member's username."
)


@extend_schema_view(
    retrieve=extend_schema(
        summary="Get a member's public profile",
        description="With how many films the member has per status.",
        parameters=[USERNAME],
        responses={200: PublicProfileSerializer, **error_responses(404)},
        examples=[examples.PROFILE_RESPONSE],
    )
)
class UserViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Members' public profiles and film lists, and your own profile (`me`)."""

    serializer_class = PublicProfileSerializer
    permission_classes = [AllowAny]
    lookup_field = "username"
    lookup_value_regex = r"[\w.@+-]+"  # what Django allows in a username
    filterset_class = None  # set by the films action

    def get_queryset(self):
        if self.action == "films":
            return userfilm_list_queryset()
        return user_public_queryset()

    @extend_schema(
        methods=["GET"],
        summary="Get your profile",
        responses={200: MeSerializer, **error_responses(401)},
        examples=[examples.ME_RESPONSE],
    )
    @extend_schema(
        methods=["PATCH"],
        summary="Change your display name or bio",
        description="Only `display_name` and `bio` change here; the username "
        "and email address are changed on the site.",
        request=MeSerializer,
        responses={
            200: MeSerializer,
            **error_responses(400, 401, examples={400: [examples.TOO_LONG_NAME]}),
        },
        examples=[examples.ME_PATCH, examples.ME_RESPONSE],
    )
    @action(
        detail=False,
        methods=["get", "patch"],
        permission_classes=[IsAuthenticated],
        serializer_class=MeSerializer,
    )
    def me(self, request):
        if request.method == "GET":
            return Response(self.get_serializer(request.user).data)
        serializer = self.get_serializer(request.user, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)

    @extend_schema(
        summary="List a member's films",
        description="The member's entries (status, rating, review), newest first.",
        parameters=[USERNAME],
        responses={200: ReviewSerializer(many=True), **error_responses(400, 404)},
        examples=[REVIEW_RESPONSE],
    )
    @action(
        detail=True,
        methods=["get"],
        filter_backends=[DjangoFilterBackend],
        filterset_class=StatusFilter,
    )
    def films(self, request, username=None):
        users = get_user_model().objects.filter(is_active=True).only("pk")
        user = get_object_or_404(users, username=username)
        userfilms = self.filter_queryset(self.get_queryset().filter(user=user))
        page = self.paginate_queryset(userfilms)
        context = self.get_serializer_context()
        data = ReviewSerializer(page, many=True, context=context).data
        return self.get_paginated_response(data)


AUTH_THROTTLES = [*api_settings.DEFAULT_THROTTLE_CLASSES, ScopedRateThrottle]


@extend_schema_view(
    post=extend_schema(
        tags=["auth"],
        summary="Get a JWT pair",
        description="Signs in with a username (or email address) and "
        "password: returns an access token and a refresh token. Members must "
        "have verified their email address. Failed attempts count against the "
        "same per-account limit as the site's login page (429 when over it).",
        request=TokenCredentialsSerializer,
        responses={
            200: TokenPairSerializer,
            **error_responses(
                400,
                401,
                403,
                examples={
                    401: [examples.BAD_CREDENTIALS],
                    403: [examples.NOT_VERIFIED],
                },
            ),
        },
        examples=[examples.TOKEN_REQUEST, examples.TOKEN_PAIR],
    )
)
class TokenObtainView(jwt_views.TokenObtainPairView):
    serializer_class = TokenObtainPairSerializer
    throttle_classes = AUTH_THROTTLES
    throttle_scope = "auth"


@extend_schema_view(
    post=extend_schema(
        tags=["auth"],
        summary="Refresh a JWT pair",
        description="Exchanges a refresh token for a new access token and a "
        "new refresh token; the old refresh token stops working. The new one "
        "expires when the first token of this sign-in does. Tokens stop "
        "working when the member changes or resets their password or deletes "
        "their account.",
        request=RefreshTokenSerializer,
        responses={
            200: TokenPairSerializer,
            **error_responses(400, 401, examples={401: [examples.INVALID_TOKEN]}),
        },
        examples=[examples.REFRESH_REQUEST, examples.TOKEN_PAIR],
    )
)
class TokenRefreshView(jwt_views.TokenRefreshView):
    serializer_class = TokenRefreshSerializer
    throttle_classes = AUTH_THROTTLES
    throttle_scope = "auth"


@extend_schema_view(
    post=extend_schema(
        tags=["auth"],
        summary="Sign out (revoke a refresh token)",
        description="Revokes the refresh token, so it cannot make new access "
        "tokens. Access tokens already issued expire on their own, shortly.",
        request=RefreshTokenSerializer,
        responses={
            204: None,
            **error_responses(400, 401, examples={401: [examples.INVALID_TOKEN]}),
        },
        examples=[examples.REFRESH_REQUEST],
    )
)
class LogoutView(jwt_views.TokenBlacklistView):
    serializer_class = TokenBlacklistSerializer
    throttle_classes = AUTH_THROTTLES
    throttle_scope = "auth"

    def post(self, request, *args, **kwargs):
        super().post(request, *args, **kwargs)
        return Response(status=status.HTTP_204_NO_CONTENT)
