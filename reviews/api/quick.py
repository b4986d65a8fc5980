"""One-click writes in the API: /api/v1/reviews/rate/ and /api/v1/reviews/status/.

What the star widget and the Watched and Watchlist toggles send (with
JavaScript; static/js/quick-controls.js). The rules are
reviews.quick_services'; the answer also carries the film's numbers, so a
page can show the new counts without loading again.
"""

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.api.examples import NOT_VERIFIED
from films.models import Film
from films.templatetags.film_tags import average_out_of_five, stars
from filmtracker.rest.fields import IdField, StrictBooleanField, StrictIntegerField
from filmtracker.rest.openapi import error_example, error_responses
from reviews.models import RATING_MAX, RATING_MIN
from reviews.quick_services import TOGGLE_STATUSES, review_rate, review_status_toggle
from reviews.selectors import film_member_numbers

from .serializers import RATING_MESSAGE, ReviewSerializer


def _film_field():
    return IdField(
        queryset=Film.objects.all(),
        error_messages={"does_not_exist": _("There is no film with id {pk_value}.")},
        help_text=_("The film's id."),
    )


class RateSerializer(serializers.Serializer):
    film = _film_field()
    rating = StrictIntegerField(
        allow_null=True,
        min_value=RATING_MIN,
        max_value=RATING_MAX,
        error_messages={"min_value": RATING_MESSAGE, "max_value": RATING_MESSAGE},
        help_text=_("1–10 (½ to 5 stars); null clears your rating."),
    )


class StatusToggleSerializer(serializers.Serializer):
    film = _film_field()
    status = serializers.ChoiceField(
        choices=TOGGLE_STATUSES, help_text=_("The toggle: watched or want.")
    )
    on = StrictBooleanField(help_text=_("Switch it on (true) or off (false)."))

    def to_internal_value(self, data):
        # DRF's BooleanField also takes "yes", 1 and "0"; a JSON body says true.
        on = data.get("on") if isinstance(data, dict) else None
        if on is not None and not isinstance(on, bool):
            raise serializers.ValidationError({"on": [_("Must be true or false.")]})
        return super().to_internal_value(data)


class FilmNumbersSerializer(serializers.Serializer):
    average_rating = serializers.FloatField(
        allow_null=True, help_text=_("The members' average, 1–10; null without.")
    )
    average_stars = serializers.FloatField(
        allow_null=True, help_text=_("The average in stars, to the half star.")
    )
    average_text = serializers.CharField(
        help_text=_("The average out of 5, as the page shows it; empty without.")
    )
    rating_count = serializers.IntegerField()
    watch_count = serializers.IntegerField()
    viewing_count = serializers.IntegerField()
    rating_count_text = serializers.CharField(help_text=_("“12 ratings”"))
    watch_count_text = serializers.CharField(help_text=_("“watched by 9 members”"))
    viewing_count_text = serializers.CharField(help_text=_("“17 viewings”"))


class QuickResultSerializer(serializers.Serializer):
    review = ReviewSerializer(
        allow_null=True, help_text=_("Your entry for the film; null if none is left.")
    )
    numbers = FilmNumbersSerializer(help_text=_("The film's numbers, after it."))


def numbers_for_page(numbers):
    """film_member_numbers()' dict plus what the film page shows of it, in
    the request's language (the same texts as films/includes/film_details)."""
    average = numbers["average_rating"]
    rated, watched, viewed = (
        numbers["rating_count"],
        numbers["watch_count"],
        numbers["viewing_count"],
    )
    return {
        **numbers,
        "average_stars": stars(average),
        "average_text": average_out_of_five(average),
        "rating_count_text": ngettext(
            "%(ratings)s rating", "%(ratings)s ratings", rated
        )
        % {"ratings": number_format(rated, force_grouping=True)},
        "watch_count_text": ngettext(
            "watched by %(members)s member", "watched by %(members)s members", watched
        )
        % {"members": number_format(watched, force_grouping=True)},
        "viewing_count_text": ngettext(
            "%(viewings)s viewing", "%(viewings)s viewings", viewed
        )
        % {"viewings": number_format(viewed, force_grouping=True)},
    }


RESULT = {
    "review": None,
    "numbers": {
        "average_rating": 8.4,
        "average_stars": 4.0,
        "average_text": "4.2",
        "rating_count": 12,
        "watch_count": 9,
        "viewing_count": 17,
        "rating_count_text": "12 ratings",
        "watch_count_text": "watched by 9 members",
        "viewing_count_text": "17 viewings",
    },
}
RATED_WANT = error_example(
    "A rated film on the watchlist",
    "status: Rate the film once you've seen it, or change the status.",
    "invalid",
    {"status": ["Rate the film once you've seen it, or change the status."]},
)
QUICK_ERRORS = error_responses(400, 401, 403, examples={403: [NOT_VERIFIED]})


class QuickActionsMixin:
    """The two one-click actions of ReviewViewSet (a verified member's own)."""

    @extend_schema(
        summary="Rate a film in one click",
        description="Sets your rating of a film, or clears it with null. Never "
        "logs a viewing (that has a date: use the diary). Without an entry it "
        "creates one as watched; a film on your watchlist becomes watched. "
        "Needs a verified email address.",
        request=RateSerializer,
        responses={200: QuickResultSerializer, **QUICK_ERRORS},
        examples=[
            OpenApiExample(
                "Four and a half stars",
                value={"film": 1, "rating": 9},
                request_only=True,
            ),
            OpenApiExample(
                "Clear", value={"film": 1, "rating": None}, request_only=True
            ),
            OpenApiExample("After", value=RESULT, response_only=True),
        ],
    )
    @action(detail=False, methods=["post"], url_path="rate")
    def rate(self, request):
        data = self._quick_input(RateSerializer, request)
        userfilm = review_rate(user=request.user, **data)
        return self._quick_result(userfilm, data["film"])

    @extend_schema(
        summary="Switch Watched or Watchlist in one click",
        description="`on` sets the status (`watched`, or `want` for the "
        "watchlist; a rated film cannot go on the watchlist). Off removes "
        "your entry if it holds nothing else, and is refused (400) while it "
        "has a rating, a review or, for watched, logged viewings. Needs a "
        "verified email address.",
        request=StatusToggleSerializer,
        responses={
            200: QuickResultSerializer,
            **error_responses(
                400, 401, 403, examples={400: [RATED_WANT], 403: [NOT_VERIFIED]}
            ),
        },
        examples=[
            OpenApiExample(
                "On the watchlist",
                value={"film": 1, "status": "want", "on": True},
                request_only=True,
            ),
            OpenApiExample("After", value=RESULT, response_only=True),
        ],
    )
    @action(detail=False, methods=["post"], url_path="status")
    def status_toggle(self, request):
        data = self._quick_input(StatusToggleSerializer, request)
        userfilm = review_status_toggle(user=request.user, **data)
        return self._quick_result(userfilm, data["film"])

    def _quick_input(self, serializer_class, request):
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def _quick_result(self, userfilm, film):
        review = None
        if userfilm is not None:
            review = ReviewSerializer(
                userfilm, context=self.get_serializer_context()
            ).data
        numbers = numbers_for_page(film_member_numbers(film_id=film.pk))
        return Response({"review": review, "numbers": numbers})
