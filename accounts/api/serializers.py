from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework_simplejwt import serializers as jwt_serializers

from accounts.api.permissions import VERIFY_EMAIL_MESSAGE
from accounts.forms import LoginForm
from accounts.models import User
from accounts.permissions import member_can_review
from accounts.services import user_profile_update
from accounts.tokens import MemberRefreshToken, token_member, token_rotate
from films.api.serializers import absolute_url
from filmtracker.rest.fields import LimitedCharField, StrictCharField


def profile_url(serializer, user):
    return absolute_url(
        serializer, reverse("accounts:profile", kwargs={"username": user.username})
    )


class StatusCountsSerializer(serializers.Serializer):
    want = serializers.IntegerField(help_text=_("Films the member wants to watch."))
    watching = serializers.IntegerField()
    watched = serializers.IntegerField()
    dropped = serializers.IntegerField()
    rated = serializers.IntegerField(help_text=_("Films the member rated."))


class PublicProfileSerializer(serializers.ModelSerializer):
    """What anyone may see of a member. Fed by user_public_queryset()."""

    public_name = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField(help_text=_("The profile page."))
    films_url = serializers.SerializerMethodField(
        help_text=_("The member's films in the API.")
    )
    counts = serializers.SerializerMethodField(
        help_text=_("How many films the member has per status, and rated.")
    )

    class Meta:
        model = User
        fields = [
            "username",
            "display_name",
            "public_name",
            "bio",
            "date_joined",
            "url",
            "films_url",
            "counts",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, user):
        return profile_url(self, user)

    @extend_schema_field(serializers.URLField())
    def get_films_url(self, user):
        path = reverse("user-films", kwargs={"username": user.username})
        return absolute_url(self, path)

    @extend_schema_field(StatusCountsSerializer)
    def get_counts(self, user):
        names = ("want", "watching", "watched", "dropped", "rated")
        return {name: getattr(user, f"{name}_count") for name in names}


class MeSerializer(serializers.ModelSerializer):
    """Your own profile; only the display name and bio change here."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: LimitedCharField,
        models.TextField: LimitedCharField,
    }

    public_name = serializers.CharField(read_only=True)
    can_review = serializers.SerializerMethodField(
        help_text=_("Whether you may rate, review and import films (verified email).")
    )
    url = serializers.SerializerMethodField(help_text=_("Your profile page."))

    class Meta:
        model = User
        fields = [
            "username",
            "email",
            "display_name",
            "public_name",
            "bio",
            "date_joined",
            "time_zone",
            "can_review",
            "url",
        ]
        read_only_fields = ["username", "email", "date_joined"]
        extra_kwargs = {
            "time_zone": {
                "help_text": _(
                    "An IANA time zone name, e.g. Europe/Paris: the calendar "
                    "your diary dates are on."
                )
            }
        }

    @extend_schema_field(serializers.BooleanField())
    def get_can_review(self, user):
        return member_can_review(user)

    @extend_schema_field(serializers.URLField())
    def get_url(self, user):
        return profile_url(self, user)

    def update(self, user, validated_data):
        # The site's settings page saves through the same service.
        return user_profile_update(
            user=user,
            display_name=validated_data.get("display_name", user.display_name),
            bio=validated_data.get("bio", user.bio),
            time_zone=validated_data.get("time_zone"),
        )


class TokenObtainPairSerializer(jwt_serializers.TokenObtainPairSerializer):
    """Signs in through the site's login form, so the API shares its rules.

    allauth's form counts failed attempts per client address and per account
    (ACCOUNT_RATE_LIMITS "login_failed"): 30 guesses from 30 addresses hit the
    same per-account limit as the login page, and over it the API answers 429.
    Members must have verified their email address (403).
    """

    token_class = MemberRefreshToken

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.username_field] = StrictCharField(write_only=True)
        # Like the site's login form: spaces are part of a password.
        self.fields["password"] = StrictCharField(
            write_only=True, trim_whitespace=False, style={"input_type": "password"}
        )

    def validate(self, attrs):
        request = self.context["request"]
        form = LoginForm(
            data={"login": attrs[self.username_field], "password": attrs["password"]},
            request=getattr(request, "_request", request),
        )
        # allauth's form lets an inactive account through (its login step then
        # shows "account inactive"); here it is bad credentials, like simplejwt.
        if not form.is_valid() or not form.user.is_active:
            codes = {
                e.code for errors in form.errors.as_data().values() for e in errors
            }
            if "too_many_login_attempts" in codes:
                raise exceptions.Throttled(detail=form.non_field_errors()[0])
            raise exceptions.AuthenticationFailed(
                self.error_messages["no_active_account"], "no_active_account"
            )
        self.user = form.user
        if not member_can_review(self.user):
            raise exceptions.PermissionDenied(VERIFY_EMAIL_MESSAGE)
        refresh = self.get_token(self.user)
        return {"refresh": str(refresh), "access": str(refresh.access_token)}


class TokenRefreshSerializer(jwt_serializers.TokenRefreshSerializer):
    """Rotation that keeps the first token's expiry and refuses revoked tokens.

    A token of a deleted, deactivated or since re-passworded member is a 401
    (accounts/tokens.py).
    """

    refresh = StrictCharField()
    token_class = MemberRefreshToken

    def validate(self, attrs):
        refresh = self.token_class(attrs["refresh"])
        token_member(refresh)
        access, new_refresh = token_rotate(refresh)
        return {"access": access, "refresh": new_refresh}


class TokenBlacklistSerializer(jwt_serializers.TokenBlacklistSerializer):
    refresh = StrictCharField(write_only=True)


# The token endpoints' documented shapes (simplejwt's serializers build their
# fields at runtime).
class TokenCredentialsSerializer(serializers.Serializer):
    username = serializers.CharField(help_text=_("Your username or email address."))
    password = serializers.CharField(style={"input_type": "password"})


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField(
        help_text=_("Send as `Authorization: Bearer <access>`; short-lived.")
    )
    refresh = serializers.CharField(
        help_text=_("Exchange for a new pair at /api/v1/auth/token/refresh/.")
    )


class RefreshTokenSerializer(serializers.Serializer):
    refresh = serializers.CharField(help_text=_("A refresh token."))
