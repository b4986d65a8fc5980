from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import User
from films.api.serializers import FilmSummarySerializer, absolute_url
from films.models import Film
from filmtracker.rest.fields import IdField, LimitedCharField, StrictIntegerField
from reviews.models import COMMENT_MAX_LENGTH, RATING_MAX, RATING_MIN, UserFilm

RATING_MESSAGE = _("A rating is a whole number from 1 to 10 (½ to 5 stars).")


class MemberSummarySerializer(serializers.ModelSerializer):
    public_name = serializers.CharField(
        read_only=True, help_text=_("The display name, or the username without one.")
    )
    url = serializers.SerializerMethodField(help_text=_("The member's profile page."))

    class Meta:
        model = User
        fields = ["username", "display_name", "public_name", "url"]

    @extend_schema_field(serializers.URLField())
    def get_url(self, user):
        return absolute_url(
            self, reverse("accounts:profile", kwargs={"username": user.username})
        )


class ReviewSerializer(serializers.ModelSerializer):
    """One member's entry for one film: status, rating (1–10) and review."""

    film = FilmSummarySerializer(read_only=True)
    user = MemberSummarySerializer(read_only=True)
    stars = serializers.FloatField(
        read_only=True,
        allow_null=True,
        help_text=_("The rating in stars, ½–5; null without a rating."),
    )

    class Meta:
        model = UserFilm
        fields = [
            "id",
            "film",
            "user",
            "status",
            "rating",
            "stars",
            "comment",
            "watched_on",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ReviewUpdateSerializer(serializers.Serializer):
    """What a member may change in their entry."""

    status = serializers.ChoiceField(
        choices=UserFilm.Status.choices,
        required=False,
        help_text=_("Default: `watched`."),
    )
    rating = StrictIntegerField(
        required=False,
        allow_null=True,
        min_value=RATING_MIN,
        max_value=RATING_MAX,
        error_messages={"min_value": RATING_MESSAGE, "max_value": RATING_MESSAGE},
        help_text=_("1–10, shown as ½ to 5 stars; null for no rating."),
    )
    comment = LimitedCharField(
        required=False,
        allow_blank=True,
        max_length=COMMENT_MAX_LENGTH,
        help_text=_("The review, plain text."),
    )
    watched_on = serializers.DateField(
        required=False,
        allow_null=True,
        help_text=_("When the member watched the film; not in the future."),
    )


class ReviewCreateSerializer(ReviewUpdateSerializer):
    film = IdField(
        queryset=Film.objects.all(),
        error_messages={"does_not_exist": _("There is no film with id {pk_value}.")},
        help_text=_("The film's id."),
    )
